alter table public.todos add column priority smallint not null default 0;
create index todos_priority_idx on public.todos (priority);
alter table public.todos alter column is_complete set not null;
create type public.todo_state as enum ('open', 'done');
alter table public.todos add column state public.todo_state default 'open';
update public.todos set state = 'done' where is_complete;
