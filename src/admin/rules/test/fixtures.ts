/**
 * Responses of the rules routes, in the shapes the REST contract gives them.
 */
import type {
	Policy,
	RulesState,
	Simulation,
	SimulationChange,
	TestResult,
	VersionDetail,
	VersionSummary,
} from '../../../shared/types/rules';

export const POLICY: Policy = {
	intents: [
		{
			name: 'orders',
			label: 'Orders and order status',
			policy: 'bot',
			team: '',
			keywords: [ 'order', 'tracking' ],
			phrases: [ 'where is my order' ],
			examples: [ 'Where is my parcel?', 'Has my order shipped yet?' ],
		},
		{
			name: 'billing_dispute',
			label: 'Billing disputes',
			policy: 'human',
			team: 'billing',
			keywords: [ 'dispute', 'chargeback' ],
			phrases: [ 'charged twice' ],
			examples: [ 'I was charged twice for one order' ],
		},
		{
			name: 'privacy',
			label: 'Privacy and personal data',
			policy: 'private',
			team: '',
			keywords: [ 'gdpr', 'personal data' ],
			phrases: [ 'delete my data' ],
			examples: [ 'Please delete all the data you hold about me' ],
		},
	],
	human_phrases: {
		en: [ 'talk to a person', 'real human', 'agent' ],
		es: [ 'hablar con una persona' ],
	},
	thresholds: {
		intent: 0.5,
		offer_after: 2,
		handoff_after: 3,
		frustration: 0.6,
		repetition: 0.6,
		missing_coverage: 0.34,
	},
	messages: {
		offer: 'I can try to answer this, or connect you to our support team now. Which would you prefer?',
		connecting: 'Connecting you to a person from our team.',
		recorded: 'Your request for a person is recorded.',
		private: 'This is best handled privately by our team.',
		dont_know: 'Sorry, I couldn’t find an answer to that.',
		after_hours: 'Our team is away right now.',
		no_agent: 'Nobody from our team can take a chat right now.',
	},
};

export function rulesState( policy: Policy = POLICY, version = 4 ): RulesState {
	return {
		version,
		policy,
		author: { id: 1, name: 'Ada Admin' },
		updated_at: '2026-11-20 10:30:00',
		rules: [
			{ id: 'private_route', label: 'Private route' },
			{ id: 'human_request', label: 'The visitor asks for a person' },
			{ id: 'intent_policy', label: 'Intent policies' },
			{ id: 'frustration', label: 'Frustration' },
			{ id: 'repeated_failure', label: 'Repeated failure' },
			{ id: 'knowledge_gap', label: 'What the bot does not know' },
		],
		signals: [
			{ id: 'intent' },
			{ id: 'human_request' },
			{ id: 'frustration' },
			{ id: 'repetition' },
			{ id: 'sensitivity' },
			{ id: 'unproductive' },
			{ id: 'language' },
		],
	};
}

const QUIET = { fired: false, score: 0, evidence: [] as string[] };

export const TEST_RESULT: TestResult = {
	turns: [
		{
			text: 'Where is my order?',
			language: 'en',
			signals: {
				intent: {
					id: 'intent',
					fired: true,
					score: 0.82,
					label: 'orders',
					evidence: [ 'order' ],
				},
				human_request: {
					id: 'human_request',
					label: '',
					...QUIET,
				},
				frustration: {
					id: 'frustration',
					label: '',
					...QUIET,
					score: 0.05,
				},
				repetition: { id: 'repetition', label: '', ...QUIET },
				sensitivity: {
					id: 'sensitivity',
					label: '',
					...QUIET,
				},
				language: {
					id: 'language',
					label: 'en',
					fired: true,
					score: 1,
					evidence: [ 'en' ],
				},
			},
			answer: {
				kind: 'answer',
				body: 'Orders ship within two working days.',
				confidence: 0.78,
				citations: [
					{ title: 'Shipping', url: 'http://example.test/shipping/' },
				],
			},
			decision: {
				kind: 'answer',
				reason: '',
				trigger: '',
				rule: '',
				signals: [],
				intent: 'orders',
			},
			unproductive: 0,
			skipped: [],
		},
		{
			text: 'this is useless, I want a real human',
			language: 'en',
			signals: {
				intent: {
					id: 'intent',
					label: '',
					...QUIET,
					score: 0.12,
				},
				human_request: {
					id: 'human_request',
					label: 'en',
					fired: true,
					score: 0.95,
					evidence: [ 'real human' ],
				},
				frustration: {
					id: 'frustration',
					label: 'negative',
					fired: true,
					score: 0.71,
					evidence: [ 'useless' ],
				},
				repetition: { id: 'repetition', label: '', ...QUIET },
				sensitivity: {
					id: 'sensitivity',
					label: '',
					...QUIET,
				},
				unproductive: {
					id: 'unproductive',
					label: '1',
					fired: true,
					score: 0.33,
					evidence: [ 'Where is my order?' ],
				},
				language: {
					id: 'language',
					label: 'en',
					fired: true,
					score: 1,
					evidence: [ 'en' ],
				},
				site_signal: {
					id: 'site_signal',
					label: '',
					fired: false,
					score: 0,
					evidence: [],
				},
			},
			answer: null,
			decision: {
				kind: 'handoff',
				reason: 'user_requested',
				trigger: 'user',
				rule: 'human_request',
				signals: [ 'human_request' ],
				intent: '',
			},
			unproductive: 1,
			skipped: [ { rule: 'site_rule', error: 'Division by zero' } ],
		},
	],
};

export const SIMULATIONS: Simulation[] = [
	{
		id: 7,
		name: 'Double charge',
		turns: [ 'I was charged twice for my order' ],
		expected: [ { kind: 'handoff', reason: 'business_rule' } ],
		button_at: null,
		created_at: '2026-11-18 09:00:00',
	},
	{
		id: 8,
		name: 'Parcel late',
		turns: [ 'Where is my parcel?', 'It is still not here' ],
		expected: [
			{ kind: 'answer', reason: '' },
			{ kind: 'answer', reason: '' },
		],
		button_at: 1,
		created_at: '2026-11-19 09:00:00',
	},
];

export const CHANGES: SimulationChange[] = [
	{
		id: 7,
		name: 'Double charge',
		turn: 0,
		text: 'I was charged twice for my order',
		expected: { kind: 'handoff', reason: 'business_rule' },
		actual: { kind: 'offer_choice', reason: 'business_rule' },
	},
];

export const VERSIONS: VersionSummary[] = [
	{
		version: 4,
		author: { id: 1, name: 'Ada Admin' },
		created_at: '2026-11-20 10:30:00',
		note: 'Billing disputes go to the billing team',
		expected_impact: 'Disputes reach billing without a transfer',
		active: true,
	},
	{
		version: 3,
		author: { id: 2, name: 'Grace Editor' },
		created_at: '2026-11-10 08:00:00',
		note: 'Spanish phrases',
		expected_impact: 'Spanish visitors reach a person when they ask',
		active: false,
	},
];

export const VERSION_3: VersionDetail = {
	version: 3,
	policy: {
		...POLICY,
		intents: [
			{
				...( POLICY.intents[ 0 ] as Policy[ 'intents' ][ number ] ),
			},
			{
				...( POLICY.intents[ 1 ] as Policy[ 'intents' ][ number ] ),
				policy: 'offer_choice',
				team: '',
				phrases: [ 'charged twice', 'double charge' ],
			},
			{
				name: 'legal',
				label: 'Legal',
				policy: 'human',
				team: '',
				keywords: [ 'lawyer' ],
				phrases: [],
				examples: [],
			},
		],
		thresholds: { ...POLICY.thresholds, intent: 0.4 },
	},
	note: 'Spanish phrases',
	expected_impact: 'Spanish visitors reach a person when they ask',
	author: { id: 2, name: 'Grace Editor' },
	created_at: '2026-11-10 08:00:00',
};

export const VERSION_4: VersionDetail = {
	version: 4,
	policy: POLICY,
	note: 'Billing disputes go to the billing team',
	expected_impact: 'Disputes reach billing without a transfer',
	author: { id: 1, name: 'Ada Admin' },
	created_at: '2026-11-20 10:30:00',
};
