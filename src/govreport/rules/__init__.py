"""What every analysis shares: the number grammar, units, time frames, headings, codebook, cues."""
