"""Line roles: which lines are the article (headline, teaser, body …) and which are the site around it."""

from quellenlage.structure.lines import LineClassifier

__all__ = ["LineClassifier"]
