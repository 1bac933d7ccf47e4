create table public.notes (
  id bigint generated always as identity primary key,
  owner uuid not null,
  body text not null
);
create table public.attachments (
  id bigint generated always as identity primary key,
  note_id bigint not null references public.notes (id) on delete cascade,
  path text not null
);
create index attachments_note_id_idx on public.attachments (note_id);
