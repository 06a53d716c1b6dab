"""The dialogs of a loss claim, together because a claim may lead from one straight into the other."""
