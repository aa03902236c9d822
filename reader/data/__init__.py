"""Word lists shipped with newsprism (gazetteers, common words, cue words); see README.md for sources."""
