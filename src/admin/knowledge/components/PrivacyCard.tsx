/**
 * The Privacy card: how long conversations keep their personal data, and the notice the chat
 * shows before the first message (optionally one the visitor must agree to), with the privacy
 * policy it links to. The notice's text and link are asked for only while a notice is shown.
 */
import {
	Card,
	CardBody,
	CardHeader,
	Flex,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import TextArea from '../../../shared/components/TextArea';
import type { FieldErrors, Settings } from '../../../shared/types';
import FieldError, { describedBy } from './FieldError';

export type PrivacyValues = Pick<
	Settings,
	| 'consent_notice'
	| 'consent_required'
	| 'consent_text'
	| 'privacy_policy_url'
	| 'mask_contact_outbound'
>;

export const PRIVACY_LABELS = {
	retention_days: __( 'Keep conversations for (days)', 'handoff-bot' ),
	consent_notice: __(
		'Show a privacy notice before the first message',
		'handoff-bot'
	),
	consent_required: __(
		'Visitors must agree before they can chat',
		'handoff-bot'
	),
	consent_text: __( 'Notice', 'handoff-bot' ),
	privacy_policy_url: __( 'Privacy policy address', 'handoff-bot' ),
	mask_contact_outbound: __(
		'Mask email addresses and phone numbers in what connections send',
		'handoff-bot'
	),
};

type Props = {
	/** The retention field (a NumberField from the screen, which keeps its draft). */
	retention: JSX.Element;
	values: PrivacyValues;
	errors: FieldErrors;
	onChange: ( values: Partial< PrivacyValues > ) => void;
};

export default function PrivacyCard( {
	retention,
	values,
	errors,
	onChange,
}: Props ) {
	const showsNotice = values.consent_notice || values.consent_required;
	const urlId = 'handoff-bot-privacy_policy_url';
	/**
	 * A switch of the card, with its help and its error.
	 * @param name The setting.
	 * @param help What it does.
	 */
	const toggle = (
		name: 'mask_contact_outbound' | 'consent_notice' | 'consent_required',
		help: string
	) => (
		<div>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ PRIVACY_LABELS[ name ] }
				help={ help }
				checked={ values[ name ] }
				onChange={ ( value ) => onChange( { [ name ]: value } ) }
			/>
			<FieldError
				id={ `handoff-bot-${ name }__error` }
				message={ errors[ name ] }
			/>
		</div>
	);
	return (
		<Card>
			<CardHeader>
				<h2>{ __( 'Privacy', 'handoff-bot' ) }</h2>
			</CardHeader>
			<CardBody>
				<Flex direction="column" gap={ 6 } align="stretch">
					<p className="handoff-bot-knowledge__intro">
						{ __(
							'After this many days without activity, a conversation’s messages, pages visited, briefs and contact details are removed by a daily job. Open tickets and callback requests are kept until they are closed. The reports keep their figures.',
							'handoff-bot'
						) }
					</p>
					{ retention }
					{ toggle(
						'mask_contact_outbound',
						__(
							'Emails to your help desk, webhooks and Slack show them as a•••@example.com and •••• 58; the inbox and tickets keep them whole. Card, account and ID numbers are always masked.',
							'handoff-bot'
						)
					) }
					{ toggle(
						'consent_notice',
						__(
							'A short notice with a link to your privacy policy, above the chat’s first message.',
							'handoff-bot'
						)
					) }
					{ toggle(
						'consent_required',
						__(
							'The chat opens only after the visitor agrees; the agreement is kept with the conversation.',
							'handoff-bot'
						)
					) }
					{ showsNotice && (
						<>
							<TextArea
								screen="handoff-bot-knowledge"
								id="handoff-bot-consent_text"
								label={ PRIVACY_LABELS.consent_text }
								help={ __(
									'Plain text, up to 500 characters.',
									'handoff-bot'
								) }
								rows={ 3 }
								value={ values.consent_text }
								error={ errors.consent_text }
								onChange={ ( value ) =>
									onChange( { consent_text: value } )
								}
							/>
							<div className="handoff-bot-knowledge__field">
								<TextControl
									__next40pxDefaultSize
									__nextHasNoMarginBottom
									id={ urlId }
									type="url"
									label={ PRIVACY_LABELS.privacy_policy_url }
									help={ __(
										'Leave empty to link to the site’s privacy policy page (Settings → Privacy).',
										'handoff-bot'
									) }
									value={ values.privacy_policy_url }
									onChange={ ( value ) =>
										onChange( {
											privacy_policy_url: value,
										} )
									}
									{ ...describedBy(
										urlId,
										true,
										!! errors.privacy_policy_url
									) }
								/>
								<FieldError
									id={ `${ urlId }__error` }
									message={ errors.privacy_policy_url }
								/>
							</div>
						</>
					) }
				</Flex>
			</CardBody>
		</Card>
	);
}
