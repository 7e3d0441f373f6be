//! The bilingual trade glossary (being written).
