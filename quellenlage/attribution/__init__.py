"""Attribution: entities, direct and reported speech, speakers and sources, as spaCy components."""
