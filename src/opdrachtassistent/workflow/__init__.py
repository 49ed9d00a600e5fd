"""From draft to decision: share a commission for review, comment per section, approve or
send back, freeze versions and compare them, keep an audit trail.

`model` holds the records, `permissions` the table of who may do what, `diff` the pure
comparison of two commissions, `service.Workflow` the operations over the sessions store,
`report` the change report and the audit export as text. Import from the submodules;
this package imports nothing, so `import opdrachtassistent` stays cheap.
"""
