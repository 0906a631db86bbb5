//! The `transcheck.toml` configuration file.
