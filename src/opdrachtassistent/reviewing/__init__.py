"""The kwaliteitstoets: checks a commission for the bottlenecks the essay warns about."""
