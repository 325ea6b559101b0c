"""The claims layer: claims with their sources and reactions (`claim_builder`, which also sets
the article's transparency figures) and the headline check (`headline_checker`); modal verbs
are read by meaning in `quellenlage.lang.de.modals`."""
