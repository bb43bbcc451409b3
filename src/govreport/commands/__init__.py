"""One module per command (as httpie splits its CLI); `commands.common` holds what they share."""
