"""Training the learned event classifier (``python -m newsevents.training.train``).

Train-time code only, at the top of the import graph beside ``evaluate``: it codes the gold
sentences with the ``pipeline`` and scores with ``evaluate``, so it cannot live in ``learn``,
which the pipeline imports at run time (the classifier, its features and the policy)."""
