set lock_timeout = '2s';
-- notes get their policy in the same migration: safe
alter table public.notes enable row level security;
create policy "owners read notes" on public.notes for select using (owner = auth.uid());
-- attachments are locked down with no policy: the app's roles lose every row
alter table public.attachments enable row level security;
