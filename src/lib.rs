//! transcheck: translation quality assurance.
//!
//! The pipeline is four plain functions: [`segment::segment`] → [`align::align`] →
//! [`checks::run_checks`] → a [`report::Report`]. The library never prints; the CLI
//! layer ([`cli::run`]) writes to the writers it is handed.

pub mod align;
pub mod baseline;
pub mod checks;
pub mod cli;
pub mod config;
pub mod countries;
pub mod eval;
pub mod finding;
pub mod formats;
pub mod glossary;
pub mod input;
pub mod lang;
pub mod lexicon;
pub mod numbers;
pub mod pipeline;
pub mod profile;
pub mod report;
pub mod segment;
pub mod suppress;
pub mod text;

pub use align::Link;
pub use finding::{Finding, Severity};
pub use glossary::{Glossary, Term};
pub use input::Document;
pub use segment::Segment;
