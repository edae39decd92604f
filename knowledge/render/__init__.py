"""Plain text for the CLI and Slack's fallback; the phrasing shared with Block Kit."""
