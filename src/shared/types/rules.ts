/**
 * Types mirroring the escalation rules routes of handoff-bot/v1 (field names as the server sends
 * them).
 */

/** What the bot does with a conversation about an intent. */
export type IntentPolicy =
	'bot' | 'offer_choice' | 'human' | 'private' | 'action';

export type Intent = {
	name: string;
	label: string;
	policy: IntentPolicy;
	team: string;
	keywords: string[];
	phrases: string[];
	examples: string[];
};

export type Thresholds = {
	intent: number;
	offer_after: number;
	handoff_after: number;
	frustration: number;
	repetition: number;
	missing_coverage: number;
};

export type Messages = {
	offer: string;
	connecting: string;
	recorded: string;
	private: string;
	dont_know: string;
	after_hours: string;
	no_agent: string;
};

export type Policy = {
	intents: Intent[];
	/** Phrases that ask for a person, by language code. */
	human_phrases: Record< string, string[] >;
	thresholds: Thresholds;
	messages: Messages;
};

export type DecisionKind =
	'answer' | 'offer_choice' | 'handoff' | 'private_handoff';

export type Decision = {
	kind: DecisionKind;
	/** A handoff reason code, or '' for a plain answer. */
	reason: string;
	/** user, system or rule, or '' for a plain answer. */
	trigger: string;
	/** The deciding rule's ID, or '' when no rule decided. */
	rule: string;
	signals: string[];
	intent: string;
};

export type SignalResult = {
	id: string;
	fired: boolean;
	score: number;
	label: string;
	evidence: string[];
};

export type Author = { id: number; name: string };

/** GET /rules. */
export type RulesState = {
	version: number;
	policy: Policy;
	author: Author | null;
	updated_at: string;
	rules: Array< { id: string; label: string } >;
	signals: Array< { id: string } >;
};

/** PUT /rules and POST /rules/versions/<v>/rollback. */
export type SavedRules = { version: number; policy: Policy };

export type SaveRulesRequest = {
	policy: Policy;
	note: string;
	expected_impact: string;
	base_version: number;
};

/** The `data` of a 409 handoff_bot_version_conflict. */
export type VersionConflict = {
	status: number;
	current_version: number;
	author: Author | null;
	updated_at: string;
};

export type TestRequest = {
	turns: string[];
	policy?: Policy;
	/** The turn (from 0) at which the visitor pressed "talk to a person". */
	button_at?: number;
};

export type TestAnswer = {
	kind: string;
	body: string;
	confidence: number;
	citations: Array< { title: string; url: string } >;
};

export type TestTurn = {
	text: string;
	language: string;
	signals: Record< string, SignalResult >;
	answer: TestAnswer | null;
	decision: Decision;
	unproductive: number;
	skipped: Array< { rule: string; error: string } >;
};

export type TestResult = { turns: TestTurn[] };

export type Expectation = { kind: string; reason: string };

export type Simulation = {
	id: number;
	name: string;
	turns: string[];
	expected: Expectation[];
	/** The turn sent with the “Talk to a person” button, if any. */
	button_at: number | null;
	created_at: string;
};

export type NewSimulation = {
	name: string;
	turns: string[];
	expected?: Expectation[];
	button_at?: number;
};

/** One saved simulation turn whose decision the edited policy changes. */
export type SimulationChange = {
	id: number;
	name: string;
	turn: number;
	text: string;
	expected: Expectation;
	actual: Expectation;
};

export type VersionSummary = {
	version: number;
	author: Author | null;
	created_at: string;
	note: string;
	expected_impact: string;
	active: boolean;
};

export type VersionDetail = {
	version: number;
	policy: Policy;
	note: string;
	expected_impact: string;
	author: Author | null;
	created_at: string;
};

/** What is wrong with a refused policy, by path ("intents.2.name", "thresholds.intent", "note"). */
export type PolicyErrors = Record< string, string >;
