"""Assessment across claims and sources (corroboration, contradiction, grades): later issues."""
