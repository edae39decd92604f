"""What officers do to the store: roles, figures recorded, undone and traced. No Slack here."""
