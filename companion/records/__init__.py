"""Records: what is held about a person, and the operator's duties to it: subject-access
export (JSON and FHIR), erasure, retention, key rotation and the audit trail.

Entry points: `export.export_person` / `export_fhir`, `erasure.erase_person`,
`retention.retention_sweep`, `rekey.reencrypt`, `audit.record` / `verify_chain`,
`feedback.list_feedback` (the operators' FEEDBACK list).
"""

__all__ = ["audit", "erasure", "export", "feedback", "fhir_export", "rekey", "retention"]
