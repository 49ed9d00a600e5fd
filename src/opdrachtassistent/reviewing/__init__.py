"""The kwaliteitstoets: checks a commission for the bottlenecks the essay warns about.

`rules` is the rule table (data), `checks` one small check per rule and `review()`,
`citations` how a finding gets its passages, `verdict` the closing sentence.
"""

from opdrachtassistent.reviewing.checks import review
from opdrachtassistent.reviewing.model import Finding, Review, Severity

__all__ = ["Finding", "Review", "Severity", "review"]
