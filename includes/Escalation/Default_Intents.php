<?php
/**
 * The intents and phrases a new site starts with.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Escalation;

defined( 'ABSPATH' ) || exit;

/**
 * Default intents with their policies (complaints, legal, cancellations, account recovery and
 * billing disputes go to a person; privacy and personal data takes the private route), keywords,
 * phrases and example utterances; and the phrases that ask for a person in English, Spanish,
 * French, German and Portuguese.
 *
 * Keywords and phrases are matched on word stems ("refunded" finds "refund"), phrases word by
 * word in order; examples are compared as a whole, so they are written the way visitors write.
 * Only the labels are translated: the words are what English-speaking visitors type, and a site
 * in another language replaces them on the Rules screen.
 *
 * @phpstan-import-type Intent from Policy
 */
final class Default_Intents {

	/**
	 * The default intents.
	 *
	 * @return list<Intent>
	 */
	public static function all(): array {
		return array(
			self::intent(
				'orders',
				__( 'Orders and order status', 'handoff-bot' ),
				Reason::POLICY_BOT,
				array( 'order', 'ordered', 'order status', 'order number', 'order confirmation', 'order history', 'purchase', 'pending', 'placed an order', 'reorder', 'quantity', 'combine' ),
				array( 'where is my order', 'status of my order', 'my order status', 'change my order', 'did my order go through', 'order confirmation', 'my order is still', 'modify my order', 'add to my order', 'to my order', 'check my order', 'on my order', 'my order', 'has my order' ),
				array(
					'Where is my order?',
					'What is the status of my order?',
					'I haven\'t received an order confirmation',
					'My order still shows as processing',
					'Can I change my order after placing it?',
					'Can I add something to an order I already placed?',
					'How do I find my order number?',
					'My order has been pending for days',
					'I placed an order but it doesn\'t show in my account',
					'Can I change the items in my order?',
					'Did my purchase go through?',
					'Where can I see my past orders?',
					'I think I placed the same order twice by mistake',
					'Can I remove an item from my order?',
					'is my order being processed',
					'When will my order be ready?',
					'how do I check my order status',
					'I made an order as a guest, how do I find it',
				)
			),
			self::intent(
				'shipping',
				__( 'Shipping and delivery', 'handoff-bot' ),
				Reason::POLICY_BOT,
				array( 'shipping', 'delivery', 'deliver', 'courier', 'tracking', 'parcel', 'package', 'postage', 'dispatch', 'express', 'arrive', 'po box', 'next day', 'time slot', 'weekend', 'international' ),
				array( 'how long does delivery take', 'when will my package arrive', 'tracking number', 'track my parcel', 'shipping cost', 'do you ship to', 'do you deliver to', 'delivery address', 'marked as delivered', 'free shipping', 'held at customs', 'stuck in customs', 'customs fees', 'customs charges' ),
				array(
					'How long does shipping take?',
					'Do you ship internationally?',
					'How much is delivery?',
					'Where is my parcel?',
					'My tracking number doesn\'t work',
					'Can I change my delivery address?',
					'Which delivery company do you use?',
					'Do you offer express delivery?',
					'Is shipping free?',
					'My package says delivered but I don\'t have it',
					'When will my parcel be dispatched?',
					'Do you deliver to my country?',
					'Do I have to pay import fees on my parcel?',
					'Can I collect my parcel from a pickup point?',
					'The courier didn\'t come today',
					'how do I track my package',
					'Do you deliver on weekends?',
					'my delivery is late',
				)
			),
			self::intent(
				'returns',
				__( 'Returns and refunds', 'handoff-bot' ),
				Reason::POLICY_BOT,
				array( 'return', 'returns', 'refund', 'money back', 'exchange', 'send back', 'return label', 'damaged', 'broken', 'wrong item', 'faulty', 'defective', 'return policy' ),
				array( 'return an item', 'get a refund', 'want a refund', 'my money back', 'return policy', 'send it back', 'arrived damaged', 'wrong item', 'wrong size', 'wrong colour', 'wrong color', 'sent me the wrong', 'return label', 'where is my refund' ),
				array(
					'How do I return an item?',
					'Can I get a refund?',
					'When will I get my refund?',
					'Can I exchange an item for another size?',
					'My item arrived broken',
					'I got the wrong item',
					'How many days do I have to return something?',
					'Who pays for return shipping?',
					'Can I return a sale item?',
					'I want my money back',
					'How do I print a return label?',
					'The product is faulty, what can I do?',
					'My refund hasn\'t arrived yet',
					'Can I return an item without the receipt?',
					'I sent my return back, when is the refund processed?',
					'the colour is different from the picture, can I send it back',
					'Do you refund shipping costs?',
					'I\'d like to swap this for a different colour',
				)
			),
			self::intent(
				'billing',
				__( 'Billing and payments', 'handoff-bot' ),
				Reason::POLICY_BOT,
				array( 'invoice', 'receipt', 'payment', 'pay', 'billing', 'card declined', 'declined', 'payment method', 'paypal', 'apple pay', 'vat', 'tax', 'instalments', 'credit card', 'debit card', 'card', 'bill', 'next payment', 'currency' ),
				array( 'payment failed', 'payment methods', 'download my invoice', 'update my card', 'card was declined', 'pay with', 'payment didn\'t go through', 'billing details', 'vat number', 'when will i be charged', 'be charged' ),
				array(
					'Where can I find my invoices?',
					'Which payment methods do you accept?',
					'My payment failed',
					'Why was my card declined?',
					'How do I update my payment details?',
					'Can I pay by bank transfer?',
					'Do you accept PayPal?',
					'I need a receipt for my purchase',
					'Can I get an invoice with my VAT number?',
					'When will my card be charged?',
					'Can I change the card I pay with?',
					'My renewal payment didn\'t go through',
					'Can I pay in monthly instalments?',
					'Do your prices include tax?',
					'How do I add my company details to my invoice?',
					'Can I pay with a gift card?',
					'what currency will I be billed in',
					'my bank card was rejected when paying',
				)
			),
			self::intent(
				'billing_dispute',
				__( 'Billing disputes', 'handoff-bot' ),
				Reason::POLICY_HUMAN,
				array( 'dispute', 'chargeback', 'charged twice', 'double charged', 'overcharged', 'unauthorized charge', 'wrong amount', 'don\'t recognise', 'don\'t recognize', 'extra charge', 'billed twice', 'incorrect charge', 'duplicate charge', 'disagree', 'don\'t agree', 'incorrect amount', 'charged incorrectly', 'transactions', 'didn\'t make', 'unauthorised', 'unauthorized', 'fraudulent', 'reverse' ),
				array( 'charged twice', 'dispute a charge', 'charged me twice', 'double charge', 'charged the wrong amount', 'i didn\'t authorise', 'i didn\'t authorize', 'charge i don\'t recognise', 'charge i don\'t recognize', 'billed after i cancelled', 'billed after cancelling', 'took the money twice', 'never signed up' ),
				array(
					'I was charged twice',
					'I want to dispute a charge',
					'There is a charge on my card I don\'t recognise',
					'You charged me the wrong amount',
					'I was overcharged for my order',
					'I\'m going to do a chargeback',
					'I was billed after I cancelled my subscription',
					'Why did you take money from my account twice?',
					'My bank statement shows a double charge from you',
					'I never agreed to this charge',
					'I was billed for something I didn\'t buy',
					'The amount you charged is more than the price',
					'I have opened a dispute with my card company',
					'Please reverse this charge',
					'you charged me for a subscription I never signed up for',
					'There are two identical payments on my statement',
					'I was charged full price instead of the sale price',
				)
			),
			self::intent(
				'pricing',
				__( 'Pricing and plans', 'handoff-bot' ),
				Reason::POLICY_BOT,
				array( 'price', 'prices', 'pricing', 'cost', 'plan', 'plans', 'how much', 'discount', 'free trial', 'trial', 'upgrade', 'downgrade', 'premium', 'tier', 'cheaper', 'annual', 'yearly', 'monthly', 'student', 'nonprofit' ),
				array( 'which plan', 'free trial', 'student discount', 'upgrade my plan', 'downgrade my plan', 'pay yearly', 'pay annually', 'difference between the plans', 'price per', 'cost per', 'prices for' ),
				array(
					'How much does it cost?',
					'What plans do you offer?',
					'What\'s included in the premium plan?',
					'Is there a free trial?',
					'Do you have discounts for students?',
					'How do I upgrade my plan?',
					'Can I switch to a cheaper plan?',
					'Is it cheaper to pay yearly?',
					'What is the price per user?',
					'Do you offer discounts for charities?',
					'What\'s the difference between the plans?',
					'How much is the monthly subscription?',
					'Do you have a plan for teams?',
					'Are there any promotions at the moment?',
					'What does the basic tier include?',
					'Is there a family plan?',
					'how much for the business plan',
					'Do prices go up after the first year?',
				)
			),
			self::intent(
				'account',
				__( 'Account', 'handoff-bot' ),
				Reason::POLICY_BOT,
				array( 'account', 'sign up', 'signup', 'register', 'log in', 'login', 'password', 'reset password', 'username', 'profile', 'two-factor', '2fa', 'email address', 'delete my account', 'create an account', 'open an account', 'verify', 'verification', 'identity', 'date of birth', 'two accounts', 'accounts' ),
				array( 'reset my password', 'forgot my password', 'create an account', 'sign up', 'change my email', 'change my username', 'delete my account', 'close my account', 'two-factor authentication', 'how do i log in', 'password reset', 'password is not working', 'password isn\'t working', 'password doesn\'t work', 'can\'t log in', 'cannot log in', 'verify my account', 'verify my identity', 'name on my account', 'change my name', 'update my details' ),
				array(
					'How do I reset my password?',
					'I forgot my password',
					'How do I create an account?',
					'How do I sign up?',
					'How can I change my email address?',
					'How do I change my username?',
					'How do I delete my account?',
					'How do I set up two-factor authentication?',
					'Where is the login page?',
					'The password reset link has expired',
					'Can I log in with Google?',
					'How do I update my profile?',
					'I didn\'t get the verification email after signing up',
					'Can I merge two accounts?',
					'How do I change my password?',
					'Do I need an account to order?',
					'how do I remove my account',
					'my password isn\'t accepted',
					'Is there a minimum age to open an account?',
					'Where do I upload my ID to verify my account?',
					'how does identity verification work',
				)
			),
			self::intent(
				'account_recovery',
				__( 'Account recovery', 'handoff-bot' ),
				Reason::POLICY_HUMAN,
				array( 'locked out', 'hacked', 'compromised', 'recover', 'recovery', 'suspended', 'disabled', 'blocked', 'lost access', 'can\'t access', 'stolen', 'get back in', 'authenticator', 'unlock', 'wasn\'t me', 'not me' ),
				array( 'locked out', 'account was hacked', 'account got hacked', 'account hacked', 'can\'t get into my account', 'lost access to my email', 'no longer have access', 'recover my account', 'get my account back', 'someone changed my password', 'account is suspended', 'account is disabled', 'lost my phone', 'stole my account', 'don\'t have access', 'no access to my email', 'access to my email', 'logged into my account', 'logged in to my account', 'suspicious login', 'password was changed', 'email was changed', 'get into my account' ),
				array(
					'I\'m locked out of my account',
					'My account has been hacked',
					'I can\'t access my account anymore',
					'I no longer have access to the email on my account',
					'Someone changed my password',
					'How do I recover my account?',
					'My account was suspended',
					'My account is blocked after too many attempts',
					'I lost the phone I use for two-factor codes',
					'Someone else is using my account',
					'I can\'t receive the reset email because my old email is closed',
					'My account was disabled, how do I get it back?',
					'I think my account is compromised',
					'I can\'t get back into my account',
					'my login was stolen',
					'The recovery code doesn\'t work',
					'I changed my phone number and can\'t verify my login',
					'Someone logged in to my account without my permission',
					'There was a login to my account from a device I don\'t know',
				)
			),
			self::intent(
				'troubleshooting',
				__( 'Technical troubleshooting', 'handoff-bot' ),
				Reason::POLICY_BOT,
				array( 'error', 'bug', 'crash', 'crashes', 'crashing', 'loading', 'freezes', 'freezing', 'blank page', 'broken link', '404', '500', 'glitch', 'app', 'website', 'site', 'browser', 'upload', 'button', 'captcha', 'search', 'results', 'images', 'slow', 'update' ),
				array( 'error message', 'keeps crashing', 'won\'t load', 'doesn\'t load', 'not loading', 'page is blank', 'blank screen', 'isn\'t working', 'doesn\'t work', 'not working', 'something went wrong', 'keeps freezing', 'nothing happens', 'won\'t open', 'doesn\'t open', 'aren\'t loading', 'isn\'t loading', 'not showing', 'nothing works', 'after the update' ),
				array(
					'The website is not loading',
					'I get an error message when I check out',
					'The app keeps crashing',
					'The page is blank',
					'My discount code doesn\'t work',
					'The button doesn\'t do anything',
					'I can\'t upload a file',
					'The site is very slow',
					'The app freezes on the start screen',
					'I get a 404 error',
					'Videos don\'t play',
					'The link in the email is broken',
					'The app logs me out all the time',
					'The checkout keeps failing with an error',
					'Pictures are not showing',
					'The search doesn\'t work',
					'the page won\'t load in my browser',
					'it says something went wrong',
				)
			),
			self::intent(
				'cancellation',
				__( 'Cancellations', 'handoff-bot' ),
				Reason::POLICY_HUMAN,
				array( 'cancel', 'cancellation', 'cancelation', 'cancelling', 'canceling', 'terminate', 'unsubscribe', 'end my subscription', 'auto renewal', 'auto-renew', 'stop renewing', 'close my subscription' ),
				array( 'cancel my subscription', 'cancel my membership', 'cancel my order', 'cancel my plan', 'cancel my account', 'stop my subscription', 'end my contract', 'terminate my contract', 'turn off auto renewal', 'stop the renewal', 'want out of' ),
				array(
					'I want to cancel my subscription',
					'How do I cancel my membership?',
					'Cancel my order please',
					'Can I cancel an order I just placed?',
					'How do I stop my subscription renewing?',
					'I\'d like to end my contract',
					'Please terminate my plan',
					'How do I turn off auto-renewal?',
					'I want to cancel',
					'Can I cancel before the end of my trial?',
					'Is there a fee to cancel?',
					'Stop charging me, I want to unsubscribe',
					'I don\'t want the subscription anymore',
					'How much notice do I need to give to cancel?',
					'please cancel my account and subscription',
					'cancel the renewal',
					'I want to quit my membership',
				)
			),
			self::intent(
				'complaint',
				__( 'Complaints', 'handoff-bot' ),
				Reason::POLICY_HUMAN,
				array( 'complaint', 'complain', 'unacceptable', 'rude', 'disappointed', 'unhappy', 'not happy', 'terrible', 'awful', 'worst', 'poor service', 'bad service', 'unprofessional', 'ignored' ),
				array( 'make a complaint', 'file a complaint', 'lodge a complaint', 'formal complaint', 'not happy with', 'very disappointed', 'bad experience', 'poor service', 'terrible service', 'was rude', 'not good enough' ),
				array(
					'I want to make a complaint',
					'I\'m very unhappy with the service',
					'Your driver was rude',
					'This is unacceptable',
					'I\'m disappointed with my order',
					'I had a terrible experience in your shop',
					'How do I file a complaint?',
					'The staff were unhelpful and rude',
					'Worst service I have ever had',
					'Nobody has replied to my emails for two weeks',
					'I want to complain about an employee',
					'The quality is awful',
					'I was treated badly in your store',
					'I\'m not happy with how this was handled',
					'my delivery was late again, this is not good enough',
					'I want to escalate my complaint',
					'the service has been really poor',
				)
			),
			self::intent(
				'legal',
				__( 'Legal', 'handoff-bot' ),
				Reason::POLICY_HUMAN,
				array( 'lawyer', 'solicitor', 'attorney', 'legal', 'sue', 'lawsuit', 'court', 'subpoena', 'trademark', 'copyright', 'infringement', 'dmca', 'law', 'law firm', 'legal action', 'police', 'warrant', 'formal notice' ),
				array( 'legal action', 'take you to court', 'my lawyer', 'my solicitor', 'my attorney', 'legal department', 'copyright infringement', 'takedown request', 'law enforcement', 'small claims' ),
				array(
					'I will take legal action',
					'My lawyer will contact you',
					'I\'m going to sue you',
					'Who handles legal notices?',
					'This is a copyright infringement notice',
					'We have a court order for information',
					'Please send this to your legal team',
					'You are using our trademark without permission',
					'I am a solicitor acting for a customer',
					'I\'ll see you in court',
					'This breaches consumer law',
					'We are filing a DMCA takedown',
					'Law enforcement request for account records',
					'I want to speak to your legal department',
					'My attorney says this contract is void',
					'I am starting small claims proceedings',
				)
			),
			self::intent(
				'privacy',
				__( 'Privacy and personal data', 'handoff-bot' ),
				Reason::POLICY_PRIVATE,
				array( 'gdpr', 'ccpa', 'personal data', 'my data', 'personal information', 'privacy', 'data protection', 'subject access', 'right to be forgotten', 'erase', 'consent', 'cookies', 'third parties', 'data', 'database', 'my details', 'personal details' ),
				array( 'delete my data', 'delete my personal data', 'what data do you have', 'what data you have', 'copy of my data', 'subject access request', 'right to be forgotten', 'erase my data', 'remove my data', 'sell my data', 'share my data', 'data protection officer', 'withdraw my consent', 'from your database', 'from your systems', 'remove my email', 'remove my details' ),
				array(
					'Delete my data',
					'What personal data do you hold about me?',
					'I want a copy of my data',
					'I\'d like to make a data subject access request',
					'Please erase all my personal information',
					'Do you share my data with third parties?',
					'How long do you keep my personal data?',
					'I want to be forgotten',
					'Who is your data protection officer?',
					'I withdraw my consent to data processing',
					'Do you sell my information?',
					'How do you use my personal data?',
					'What cookies do you use?',
					'GDPR request for my data',
					'Remove my details from your systems',
					'Where is my data stored?',
					'I want to correct the personal data you hold',
				)
			),
			self::intent(
				'presales',
				__( 'Pre-sales and product questions', 'handoff-bot' ),
				Reason::POLICY_BOT,
				array( 'in stock', 'stock', 'size', 'colour', 'color', 'compatible', 'warranty', 'material', 'dimensions', 'available', 'recommend', 'model', 'version', 'made of', 'batteries', 'fit', 'suitable' ),
				array( 'in stock', 'come in', 'compatible with', 'made of', 'what size', 'back in stock', 'is it suitable', 'does it come with', 'difference between', 'do you sell', 'which one should i', 'does it work with', 'work with', 'available in' ),
				array(
					'Is this in stock?',
					'Does it come in other colours?',
					'What size should I get?',
					'Is this compatible with my phone?',
					'What is it made of?',
					'How long is the warranty?',
					'When will it be back in stock?',
					'What are the measurements?',
					'Can you recommend something for a beginner?',
					'Do you sell replacement parts?',
					'Is it waterproof?',
					'Does it come with a charger?',
					'Which model is better for travel?',
					'Is this product vegan?',
					'Is it suitable for children?',
					'Is the large available in black?',
					'How heavy is it?',
					'does this work with mac',
				)
			),
			self::intent(
				'feedback',
				__( 'Feedback', 'handoff-bot' ),
				Reason::POLICY_BOT,
				array( 'feedback', 'suggestion', 'suggest', 'idea', 'feature request', 'well done', 'great job', 'improve', 'should add', 'smooth', 'easy to use', 'compliment', 'praise' ),
				array( 'you should add', 'it would be nice', 'would be great if', 'feature request', 'i have a suggestion', 'some feedback', 'great job', 'keep up the good work', 'just wanted to say', 'love the', 'love your', 'was super', 'was helpful', 'very helpful', 'really helpful', 'was great' ),
				array(
					'I have a suggestion',
					'You should add a wishlist',
					'Great service, thank you',
					'I love your products',
					'It would be nice to have a dark mode',
					'Here is some feedback about your website',
					'Feature request: more filters in the search',
					'Your team was really helpful',
					'Well done on the new design',
					'I have an idea to improve the app',
					'The new layout is confusing',
					'Keep up the good work',
					'I wanted to share some feedback',
					'You could improve the checkout',
					'The packaging was lovely',
					'just wanted to say thanks for the fast delivery',
				)
			),
		);
	}

	/**
	 * Phrases that ask for a person, by language. English requests are also recognised without
	 * them (the signal knows the many ways people ask); these add wordings and languages.
	 *
	 * @return array<string, list<string>>
	 */
	public static function human_phrases(): array {
		return array(
			'en' => array( 'talk to a person', 'speak to a person', 'talk to someone', 'speak to someone', 'real person', 'real human', 'live agent', 'live person', 'human agent', 'customer service', 'customer support', 'representative', 'operator', 'talk to a human', 'speak to an agent', 'someone from support', 'get me a human', 'connect me to an agent', 'transfer me to a person', 'live chat with staff' ),
			'es' => array( 'hablar con una persona', 'hablar con alguien', 'hablar con un humano', 'hablar con un agente', 'hablar con un asesor', 'hablar con un operador', 'hablar con soporte', 'persona real', 'agente humano', 'un humano', 'atención al cliente', 'servicio al cliente', 'quiero un agente', 'pásame con un agente', 'comunicarme con una persona', 'necesito una persona' ),
			'fr' => array( 'parler à une personne', 'parler à quelqu\'un', 'parler à un humain', 'parler à un conseiller', 'parler à un agent', 'parler avec un conseiller', 'parler avec quelqu\'un', 'un vrai humain', 'une vraie personne', 'un humain', 'service client', 'agent humain', 'passez-moi un conseiller', 'passez-moi un agent', 'je veux un conseiller', 'mettez-moi en relation' ),
			'de' => array( 'mit einem menschen sprechen', 'mit einem mitarbeiter sprechen', 'mit jemandem sprechen', 'mit einer person sprechen', 'mit einem berater sprechen', 'mit dem kundenservice sprechen', 'echter mensch', 'echten menschen', 'echter mitarbeiter', 'echten mitarbeiter', 'kundenservice', 'kundendienst', 'menschlicher mitarbeiter', 'bitte einen mitarbeiter', 'verbinden sie mich', 'ich will einen menschen' ),
			'pt' => array( 'falar com uma pessoa', 'falar com alguém', 'falar com um humano', 'falar com um atendente', 'falar com um agente', 'falar com o suporte', 'atendente humano', 'pessoa real', 'um humano', 'atendimento ao cliente', 'atendimento humano', 'quero um atendente', 'me passa para um atendente', 'falar com um consultor', 'preciso de uma pessoa' ),
		);
	}

	/**
	 * An intent.
	 *
	 * @param string             $name     Name.
	 * @param string             $label    Label.
	 * @param string             $policy   Policy.
	 * @param array<int, string> $keywords Keywords.
	 * @param array<int, string> $phrases  Phrases.
	 * @param array<int, string> $examples Examples.
	 * @phpstan-param list<string> $keywords
	 * @phpstan-param list<string> $phrases
	 * @phpstan-param list<string> $examples
	 * @return Intent
	 */
	private static function intent( string $name, string $label, string $policy, array $keywords, array $phrases, array $examples ): array {
		return array(
			'name'     => $name,
			'label'    => $label,
			'policy'   => $policy,
			'team'     => '',
			'keywords' => $keywords,
			'phrases'  => $phrases,
			'examples' => $examples,
		);
	}
}
