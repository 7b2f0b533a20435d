"""A weekly summary as a FHIR R4 Bundle (a `collection`), for a care record system.

Pure: the decrypted summary dict and who it is for in, a JSON-ready dict out.
Measurements become Observations coded with the LOINC codes signed off in the
clinical safety notes (body weight 29463-7, waist 8280-0, blood pressure panel
85354-9 with systolic 8480-6 and diastolic 8462-4). Blood glucose has no LOINC code
signed off yet, so it goes out with a text-only code. The person's goal becomes a
Goal, and the consent under which the summary was shared becomes a Consent naming
the coordinator as the recipient. Ids are derived from the consent and week, so
downloading the same summary twice gives the same resource ids.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from companion.db.states import ConsentStatus

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
SHARE_CATEGORY = "urn:companion:share-category"
_NAMESPACE = uuid.UUID("6f1c2a52-3c1e-4d6e-9a55-0c0e5c1d7a10")

# key -> (LOINC code or None, display, UCUM unit)
MEASURES: dict[str, tuple[str | None, str, str]] = {
    "weight_kg": ("29463-7", "Body weight", "kg"),
    "waist_cm": ("8280-0", "Waist circumference", "cm"),
    "glucose_mmol": (None, "Blood glucose", "mmol/L"),
}
BP_PANEL = ("85354-9", "Blood pressure panel with all children optional")
BP_PARTS = {
    "systolic": ("8480-6", "Systolic blood pressure"),
    "diastolic": ("8462-4", "Diastolic blood pressure"),
}
GOAL_OUTCOMES = {"done": "achieved", "partly": "in-progress", "not_this_week": "no-progress"}
CONSENT_STATUS: dict[str, str] = {
    ConsentStatus.ACTIVE: "active",
    ConsentStatus.WITHDRAWN: "inactive",
    ConsentStatus.LAPSED: "inactive",
}


@dataclass(frozen=True)
class ExportParties:
    """Who the summary is about and for, and the consent it was shared under."""

    person_id: str
    coordinator_id: str
    coordinator_name: str
    consent_id: str
    consent_status: str
    consent_given_at: datetime | None


def summary_bundle(summary: Mapping[str, Any], parties: ExportParties) -> dict[str, Any]:
    """The FHIR R4 Bundle for one decrypted weekly summary."""
    week = str(summary["week"])
    patient = _ref("person", parties.person_id)
    practitioner = _ref("coordinator", parties.coordinator_id)
    resources: list[tuple[str, dict[str, Any]]] = [
        (
            patient,
            {
                "resourceType": "Patient",
                "id": _id(patient),
                "name": [{"text": str(summary.get("person_label", ""))}],
            },
        ),
        (
            practitioner,
            {
                "resourceType": "Practitioner",
                "id": _id(practitioner),
                "name": [{"text": parties.coordinator_name}],
            },
        ),
    ]
    for index, item in enumerate(summary.get("measurements") or []):
        observation = _observation(item, patient)
        if observation is not None:
            url = _ref("observation", f"{parties.consent_id}/{week}/{index}")
            resources.append((url, {"id": _id(url), **observation}))
    goal = summary.get("goal")
    if goal:
        url = _ref("goal", f"{parties.consent_id}/{week}")
        resources.append((url, {"id": _id(url), **_goal(goal, patient)}))
    consent_url = _ref("consent", parties.consent_id)
    consent = _consent(summary, parties, patient, practitioner)
    resources.append((consent_url, {"id": _id(consent_url), **consent}))
    return {
        "resourceType": "Bundle",
        "id": _id(_ref("bundle", f"{parties.consent_id}/{week}")),
        "type": "collection",
        "timestamp": summary["generated_at"],
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in resources],
    }


def _observation(item: Mapping[str, Any], patient: str) -> dict[str, Any] | None:
    key, value, at = item.get("key"), item.get("value"), item.get("at")
    base: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": [_concept(OBSERVATION_CATEGORY, "vital-signs", "Vital Signs")],
        "subject": {"reference": patient},
        "effectiveDateTime": at,
    }
    if key == "bp" and isinstance(value, Mapping):
        components = [
            {
                "code": _concept(LOINC, code, display),
                "valueQuantity": _quantity(value[part], "mm[Hg]", "mmHg"),
            }
            for part, (code, display) in BP_PARTS.items()
        ]
        return {**base, "code": _concept(LOINC, *BP_PANEL), "component": components}
    if key in MEASURES and isinstance(value, int | float) and not isinstance(value, bool):
        code, display, unit = MEASURES[str(key)]
        concept = _concept(LOINC, code, display) if code else {"text": display}
        return {**base, "code": concept, "valueQuantity": _quantity(value, unit, unit)}
    return None


def _goal(goal: Mapping[str, Any], patient: str) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Goal",
        "lifecycleStatus": "active",
        "description": {"text": str(goal.get("text", ""))},
        "subject": {"reference": patient},
    }
    if goal.get("set_at"):
        resource["startDate"] = str(goal["set_at"])[:10]
    reviews = goal.get("reviews") or []
    if reviews and reviews[-1].get("outcome") in GOAL_OUTCOMES:
        outcome = GOAL_OUTCOMES[reviews[-1]["outcome"]]
        resource["achievementStatus"] = _concept(GOAL_ACHIEVEMENT, outcome, None)
    return resource


def _consent(
    summary: Mapping[str, Any], parties: ExportParties, patient: str, practitioner: str
) -> dict[str, Any]:
    provision: dict[str, Any] = {
        "type": "permit",
        "actor": [
            {
                "role": _concept(PARTICIPATION, "IRCP", "information recipient"),
                "reference": {"reference": practitioner},
            }
        ],
        "code": [_concept(SHARE_CATEGORY, str(c), None) for c in summary.get("shares") or []],
    }
    if parties.consent_given_at is not None:
        provision["period"] = {"start": parties.consent_given_at.isoformat()}
    resource: dict[str, Any] = {
        "resourceType": "Consent",
        "status": CONSENT_STATUS.get(parties.consent_status, "inactive"),
        "scope": _concept(CONSENT_SCOPE, "patient-privacy", "Privacy Consent"),
        "category": [_concept(LOINC, "59284-0", "Patient Consent")],
        "patient": {"reference": patient},
        "performer": [{"reference": patient}],
        "policyRule": _concept(ACT_CODE, "OPTIN", "opt-in"),
        "provision": provision,
    }
    if parties.consent_given_at is not None:
        resource["dateTime"] = parties.consent_given_at.isoformat()
    return resource


def _concept(system: str, code: str, display: str | None) -> dict[str, Any]:
    coding = {"system": system, "code": code}
    if display is not None:
        coding["display"] = display
    return {"coding": [coding]}


def _quantity(value: float, code: str, unit: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": code}


def _ref(kind: str, key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{kind}/{key}')}"


def _id(url: str) -> str:
    return url.removeprefix("urn:uuid:")
