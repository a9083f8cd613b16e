//! Loading articles from files, folders and standard input. One file per
//! source format; this module dispatches on the file's extension and content.
