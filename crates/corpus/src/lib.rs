//! Corpus input (being written).
