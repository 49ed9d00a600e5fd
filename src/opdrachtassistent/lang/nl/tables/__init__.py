"""Dutch language data: tables only, no logic, so a domain editor can extend them."""
