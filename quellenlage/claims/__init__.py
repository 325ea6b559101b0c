"""The claims layer: claims with their sources and reactions (`claim_builder`, which also sets
the article's transparency figures) and the headline check (`headline_checker`). The decisions
that depend on the language are its claim rules (`language.ClaimRules`), provided by each
language package (`quellenlage.lang.de.claims`, `quellenlage.lang.en.claims`)."""
