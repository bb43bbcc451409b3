"""One report as the rules read it: decoded, normalised, simplified, with damage and quotes found."""
