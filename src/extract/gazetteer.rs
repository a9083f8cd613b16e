//! Gazetteers of places, nationality words and organisations, embedded in the
//! binary and matched with aho-corasick.
