/**
 * Interim workspace schema for the desktop services (until the loader's db/schema lands): sources,
 * evidence-carrying events, rejected rows, exported current state, and the precomputed contacts table
 * (one row per number × code × keyword with its verdict) that search pages over.
 */
export const APP_ID = 'opttrace-workspace';
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
create table if not exists meta (key text primary key, value text not null);
create table if not exists sources (
  id integer primary key, file_name text not null, format text not null, size_bytes integer not null,
  sha256 text not null, loaded_at text not null, rows_loaded integer not null, rows_rejected integer not null);
create table if not exists load_errors (
  id integer primary key, source_id integer not null, line integer not null, col text not null, value text not null, reason text not null);
create table if not exists events (
  id integer primary key, source_id integer not null, line integer not null, number text not null,
  at text not null, at_ms integer not null, type text not null, code text not null, keyword text,
  text text, status text, delivered integer);
create index if not exists events_number on events(number, at_ms);
create table if not exists current_state (
  source_id integer not null, line integer not null, number text not null, code text not null,
  keyword text not null, status text not null);
create index if not exists current_number on current_state(number);
create table if not exists contacts (
  id integer primary key, number text not null, code text not null, keyword text not null,
  status text not null, verdict text not null);
create index if not exists contacts_number on contacts(number, id);
create index if not exists contacts_code on contacts(code, id);
create index if not exists contacts_keyword on contacts(keyword, id);
create index if not exists contacts_status on contacts(status, id);
create index if not exists contacts_verdict on contacts(verdict, id);
`;
