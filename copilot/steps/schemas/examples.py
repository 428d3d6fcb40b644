"""One realistic example per step output, from the Windkracht Energie example research.

Used to check templates that read locked earlier steps (`prompts check`), in tests, and as documentation of
what a good answer looks like. Evidence ids are placeholders in the store's format.
"""

from __future__ import annotations

from copilot.steps.schemas.base import StepOutput

Q1, Q2, Q3, Q4 = "q61048e3b05", "q7d21b4a4bc", "qd75cbbc294", "q5038347ff3"

EXAMPLES: dict[str, dict] = {
    "ChallengeBrief": {
        "challenge": (
            "How might we help customers with a bill or instalment question reach the right help the first time, "
            "so that repeat contact falls and trust returns?"
        ),
        "why_now": "Repeat contact rose from 17% to 24% since the chatbot opened; NPS for chat and phone is −39.",
        "scope_in": [
            {"id": "IN1", "text": "Instalment changes and the annual bill", "evidence": [Q1]},
            {"id": "IN2", "text": "Handover from chatbot to agent", "evidence": [Q2]},
        ],
        "scope_out": [{"id": "OUT1", "text": "Tariffs and pricing"}],
        "segments": [
            {"id": "SEG1", "name": "Residential customers", "description": "Most contacts", "evidence": [Q1]},
            {"id": "SEG2", "name": "Expats", "description": "NPS −44; Dutch-only letters", "evidence": [Q4]},
        ],
        "kpis": [
            {"id": "KPI1", "name": "Repeat contact within 14 days", "baseline": "24% (Q3 2026)", "target": "17%"},
            {"id": "KPI2", "name": "NPS chat", "baseline": "−39", "target": "−15", "evidence": [Q1]},
        ],
        "open_questions": ["How many repeat contacts follow a bot-to-agent handover?"],
    },
    "ResearchSynthesis": {
        "themes": [
            {
                "id": "T1",
                "label": "Stuck in the chatbot",
                "insight": "Customers accept the bot for simple tasks but feel trapped when they need a person.",
                "evidence": [Q1, Q2],
                "n_sources": 2,
            },
            {"id": "T2", "label": "Letters explain nothing", "insight": "Instalment letters give no reason."},
        ],
        "open_questions": ["Do business customers feel the same?"],
    },
    "Personas": {
        "personas": [
            {
                "id": "P1",
                "name": "Ria, recently widowed",
                "description": "78, lives alone, never handled the energy bills herself.",
                "segment": "Residential, older",
                "jobs": {
                    "functional": ["Put the contract in her own name"],
                    "emotional": ["Feel that nothing will go wrong"],
                    "social": ["Not be a burden to her children"],
                },
                "pains": ["Has to explain her husband's death again on every call"],
                "gains": ["One person who knows her situation"],
                "human_contact_need": 5,
                "human_contact_moments": ["Changing the contract", "A bill she does not understand"],
                "evidence": [Q2],
            },
            {
                "id": "P2",
                "name": "Daan, busy renter",
                "description": "34, moves every two years, does everything on his phone.",
                "jobs": {"functional": ["Pass on a move in five minutes"]},
                "pains": ["The bot does not understand a move"],
                "gains": ["Confirmation the same day"],
                "human_contact_need": 2,
                "evidence": [Q3],
            },
        ]
    },
    "CurrentJourney": {
        "journey": "Instalment goes up",
        "persona": "Ria, recently widowed",
        "stages": [
            {
                "id": "S1",
                "name": "Letter arrives",
                "actions": ["Reads the new instalment"],
                "touchpoints": ["Letter", "E-mail"],
                "emotion": -1,
                "pains": ["No reason given for the increase"],
                "time_well": "",
                "evidence": [Q1],
            },
            {
                "id": "S2",
                "name": "Asks the chatbot",
                "actions": ["Types her question", "Asks for a person"],
                "touchpoints": ["Chatbot"],
                "emotion": -2,
                "pains": ["Loops back to the menu", "Cannot reach a person"],
                "moment_of_truth": True,
                "time_well": "spent",
                "evidence": [Q1, Q2],
            },
            {
                "id": "S3",
                "name": "Calls the service desk",
                "actions": ["Waits", "Explains everything again"],
                "touchpoints": ["Phone"],
                "emotion": 1,
                "pains": ["Agent cannot see the chat"],
                "time_well": "saved",
                "evidence": [Q2],
            },
        ],
    },
    "HowMightWe": {
        "questions": [
            {
                "id": "H1",
                "question": "How might we explain an instalment change before the customer has to ask?",
                "pain": "No reason given for the increase",
                "stage": "S1",
                "evidence": [Q1],
            },
            {
                "id": "H2",
                "question": "How might we let a customer reach a person from the chatbot without starting over?",
                "pain": "Cannot reach a person",
                "stage": "S2",
                "evidence": [Q2],
            },
        ]
    },
    "Ideation": {
        "ideas": [
            {
                "id": "I1",
                "title": "Warm handover with summary",
                "pitch": "After two failed answers the bot offers a person and passes on a summary.",
                "hmw": "H2",
                "ai_role": "agent-assist",
                "human_touch": "enhances",
                "handover": "Customer types 'person' or the bot fails twice",
                "evidence": [Q2],
            },
            {
                "id": "I2",
                "title": "Instalment advice every quarter",
                "pitch": "Usage is compared with the instalment; an agent checks a personal explanation.",
                "hmw": "H1",
                "ai_role": "backstage",
                "human_touch": "keeps",
            },
        ]
    },
    "Prioritisation": {
        "scores": [
            {
                "id": "R1",
                "idea": "I1",
                "title": "Warm handover with summary",
                "impact": 5,
                "effort": 2,
                "reach": 30000,
                "confidence": 4,
                "rationale": "62% repeat contact after bot-to-agent handovers.",
                "evidence": [Q2],
            },
            {"id": "R2", "idea": "I2", "title": "Instalment advice every quarter", "impact": 4, "effort": 4},
        ]
    },
    "ServiceBlueprint": {
        "stages": [
            {
                "id": "B1",
                "name": "Asks the chatbot",
                "customer": "Asks why the instalment went up",
                "frontstage_human": "",
                "frontstage_ai": "Chatbot answers, offers a person after two failed answers",
                "backstage": "Bot reads usage and instalment history",
                "support": "Chat platform API, billing data",
                "evidence": [Q1],
            },
            {
                "id": "B2",
                "name": "Talks to an agent",
                "customer": "Gets the explanation and a new instalment",
                "frontstage_human": "Agent reads the summary and explains",
                "frontstage_ai": "Assistant suggests the instalment",
                "backstage": "Billing ticket above the 25% limit",
                "support": "CRM, billing system",
                "evidence": [Q2],
            },
        ],
        "handovers": [
            {
                "id": "O1",
                "stage": "B1",
                "trigger": "Two failed answers or the word 'person'",
                "direction": "ai-to-human",
                "context_passed": "Transcript and a three-line summary",
                "evidence": [Q2],
            }
        ],
        "fail_points": [
            {
                "id": "F1",
                "stage": "B2",
                "lane": "backstage",
                "failure": "Billing ticket not handled within 5 working days",
                "effect": "Customer calls again",
                "fix": "Raise the agent's limit",
            }
        ],
    },
    "StakeholderMap": {
        "stakeholders": [
            {
                "id": "K1",
                "role": "Head of Customer Service",
                "power": 4,
                "interest": 5,
                "stance": "leading",
                "cares_about": ["Repeat contact", "Agent workload"],
                "evidence": [Q4],
            },
            {
                "id": "K2",
                "role": "CFO",
                "power": 5,
                "interest": 3,
                "stance": "resistant",
                "cares_about": ["Debtor risk", "Headcount"],
                "evidence": [Q4],
            },
            {"id": "K3", "role": "Works council", "power": 3, "interest": 4, "stance": "neutral"},
        ]
    },
    "InfluenceMap": {
        "links": [
            {"id": "L1", "source": "K1", "target": "K2", "strength": 2, "how": "Shared MT seat", "evidence": [Q4]},
            {"id": "L2", "source": "K3", "target": "K1", "strength": 4, "how": "Formal say on workload"},
        ],
        "coalition": [
            {
                "id": "C1",
                "stakeholder": "K1",
                "why": "Owns the proposal",
                "brings": "Mandate and data",
                "evidence": [Q4],
            }
        ],
    },
    "ImpactReadiness": {
        "groups": [
            {
                "id": "G1",
                "group": "Phone agents",
                "what_changes": "They receive bot summaries and handle only complex calls",
                "impact": 4,
                "adkar": {"awareness": 4, "desire": 3, "knowledge": 2, "ability": 2, "reinforcement": 1},
                "support_needed": "Say clearly that summaries are not used to assess them",
                "evidence": [Q2],
            },
            {
                "id": "G2",
                "group": "Billing back office",
                "what_changes": "Fewer tickets, faster deadlines",
                "impact": 3,
                "adkar": {"awareness": 2, "desire": 2, "knowledge": 3, "ability": 3, "reinforcement": 2},
            },
        ]
    },
    "CaseForChange": {
        "urgency": [
            {"id": "U1", "point": "Customers cannot reach a person when the bot fails", "evidence": [Q1]},
            {"id": "U2", "point": "Repeat contact rose from 17% to 24%", "evidence": [Q4]},
        ],
        "vision": "Quick where customers want speed, human where it matters.",
        "shifts": [
            {
                "id": "F1",
                "side": "inside",
                "from_state": "Service, Billing and Sales each see their own part",
                "to_state": "One shared view of the customer",
            },
            {
                "id": "F2",
                "side": "outside",
                "from_state": "Stuck in the bot",
                "to_state": "A person within reach, who already knows the story",
                "evidence": [Q2],
            },
        ],
        "in_it_for": [{"id": "W1", "group": "Agents", "benefit": "No more angry 'finally a human' calls"}],
    },
    "EngagementPlan": {
        "engagements": [
            {
                "id": "E1",
                "stakeholder": "K2",
                "current": "resistant",
                "desired": "supportive",
                "tactic": "Co-write the business case on debtor risk",
                "messenger": "Head of Billing",
                "owner": "Head of Customer Service",
                "date": "2026-12-09",
                "evidence": [Q4],
            },
            {
                "id": "E2",
                "stakeholder": "K3",
                "current": "neutral",
                "desired": "supportive",
                "tactic": "Involve before the decision; agree summaries are not used for assessment",
                "messenger": "Team leaders",
                "owner": "HR business partner",
                "date": "week 3",
            },
        ],
        "quick_wins": [{"id": "Q1", "action": "Put WhatsApp on the English site", "owner": "Web team"}],
        "roadmap": [
            {"id": "M1", "horizon": 30, "action": "Warm handover live for instalment chats", "owner": "IT"},
            {"id": "M2", "horizon": 90, "action": "Pilot instalment advice for 20,000 customers", "owner": "Billing"},
        ],
    },
    "AiOpportunityScan": {
        "touchpoints": [
            {
                "id": "A1",
                "stage": "S1",
                "touchpoint": "Meter reading",
                "pattern": "automate",
                "why": "Simple, often in the evening",
                "time_well": "saved",
                "handover_trigger": "Reading rejected twice",
                "fallback": "Offer a callback",
                "evidence": [Q3],
            },
            {
                "id": "A2",
                "stage": "S2",
                "touchpoint": "Arrears call",
                "pattern": "agent-assist",
                "why": "Customers need a person; the assistant prepares the arrangement",
                "time_well": "spent",
                "handover_trigger": "Always a person",
                "fallback": "Agent works without the assistant",
                "evidence": [Q2],
            },
        ]
    },
    "ShelvedIdeas": {
        "ideas": [
            {
                "id": "S1",
                "idea": "Proactive instalment advice",
                "year": "2021",
                "why_shelved": "Too few smart meters; billing system could not do it",
                "blocker_gone": "80% smart meters; a language model drafts the explanation, an agent checks it",
                "still_blocking": "Cash-flow worries at Finance",
                "viability_then": 2,
                "viability_now": 4,
                "next_step": "Pilot with 20,000 smart-meter customers",
                "evidence": [Q4],
            }
        ]
    },
    "BusinessCase": {
        "idea": "Proactive instalment advice",
        "fit": [
            {
                "id": "F1",
                "need": "Understand why the instalment changes",
                "how_it_helps": "A personal explanation before the bill",
                "evidence": [Q1],
            }
        ],
        "benefits": [
            {
                "id": "B1",
                "name": "Fewer repeat contacts about instalments",
                "kind": "yearly",
                "amount": {"low": 120000, "high": 260000},
                "basis": "8,000–17,000 fewer contacts × €15",
                "evidence": [Q4],
            }
        ],
        "costs": [
            {
                "id": "C1",
                "name": "Build on the data platform",
                "kind": "one-off",
                "amount": {"low": 150000, "high": 250000},
            },
            {"id": "C2", "name": "Agent review time", "kind": "yearly", "amount": {"low": 40000, "high": 70000}},
        ],
        "payback_months": {"low": 10, "high": 30},
        "risks": [
            {
                "id": "R1",
                "risk": "Customers lower their instalment en masse",
                "likelihood": 3,
                "impact": 3,
                "mitigation": "Advise in both directions, within limits",
            }
        ],
    },
}


def example(schema: type[StepOutput]) -> StepOutput:
    """The example for `schema`, validated."""
    return schema.model_validate(EXAMPLES[schema.__name__])
