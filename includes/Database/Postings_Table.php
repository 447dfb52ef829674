<?php
/**
 * Postings: which passages contain which term, and how often.
 *
 * @package HandoffBot
 */

declare( strict_types=1 );

namespace HandoffBot\Database;

defined( 'ABSPATH' ) || exit;

/**
 * The inverted index. `impact` is the posting's BM25 term-frequency factor, stored at index time,
 * so a query reads each term's best postings in order from the (term_id, impact) index.
 */
final class Postings_Table extends Table {

	/**
	 * {@inheritDoc}
	 */
	public function short_name(): string {
		return 'postings';
	}

	/**
	 * {@inheritDoc}
	 */
	protected function columns(): string {
		return '
term_id bigint(20) unsigned NOT NULL,
passage_id bigint(20) unsigned NOT NULL,
tf smallint(5) unsigned NOT NULL DEFAULT 1,
dl int(10) unsigned NOT NULL DEFAULT 0,
impact double NOT NULL DEFAULT 0,
PRIMARY KEY  (term_id,passage_id),
KEY passage_term_impact (passage_id,term_id,impact),
KEY term_impact_passage (term_id,impact,passage_id)';
	}
}
