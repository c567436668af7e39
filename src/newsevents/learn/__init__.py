"""A learned check on the dictionary coder: a sentence classifier over text n-grams and the
coder's own output, trained by ``python -m newsevents.training.train`` (scikit-learn, train time
only) and shipped as ``data/event_classifier.npz`` (inference with numpy only)."""
