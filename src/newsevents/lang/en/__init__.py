"""English: the word classes in ``words/`` (one file a class), loaded by ``newsevents.lang.words``."""
