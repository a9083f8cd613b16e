//! Unit tests of the library on temporary files.
