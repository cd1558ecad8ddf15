//! Senim through its running server: every test spawns the real application on a random
//! port with a fresh database — a temporary SQLite file, and a PostgreSQL database with a
//! random name when `SENIM_TEST_PG_URL` is set — and talks to it over HTTP.

#[macro_use]
mod helpers;

mod analysis;
mod api;
mod audit;
mod calendar;
mod confidentiality;
mod demo;
mod documents;
mod email;
mod forwarding;
mod i18n;
mod inbox;
mod journal;
mod limits;
mod minutes;
mod openings;
mod paperwork;
mod phone;
mod phone_bridge;
mod roles;
mod sign_in;
mod staff;
mod transactions;
mod triage;
mod trust_box;
mod two_factor;
mod verify;
mod watch;
