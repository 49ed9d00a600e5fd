"""Where conversations are kept between turns and restarts."""
