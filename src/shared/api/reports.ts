/**
 * The handoff report's routes: every metric of a period (with the previous one to compare), and
 * the handoffs behind a figure, one page at a time.
 */
import apiFetch from '@wordpress/api-fetch';

import type {
	DrillFilter,
	ReportConversation,
	ReportQuery,
	ReportSummary,
} from '../types/reports';
import { getPage } from './paged';

const REPORTS = '/handoff-bot/v1/reports';

/**
 * The query string of a period (and config version).
 * @param query The period.
 */
export function periodParams( query: ReportQuery ): URLSearchParams {
	const params = new URLSearchParams( { period: query.period } );
	if ( query.from ) {
		params.set( 'from', query.from );
	}
	if ( query.to ) {
		params.set( 'to', query.to );
	}
	if ( query.config_version ) {
		params.set( 'config_version', String( query.config_version ) );
	}
	return params;
}

/**
 * Every metric of the period, compared with the previous period of the same length.
 * @param query The period.
 */
export function getReportSummary(
	query: ReportQuery
): Promise< ReportSummary > {
	const params = periodParams( query );
	params.set( 'compare', '1' );
	return apiFetch< ReportSummary >( {
		path: `${ REPORTS }/summary?${ params.toString() }`,
	} );
}

/**
 * One page of the handoffs behind a figure, newest request first, and how many there are.
 * @param query   The period.
 * @param filter  The figure's filter.
 * @param page    Page, from 1.
 * @param perPage Rows per page (at most 100).
 */
export async function getReportConversations(
	query: ReportQuery,
	filter: DrillFilter,
	page: number,
	perPage: number
): Promise< { rows: ReportConversation[]; total: number } > {
	const params = periodParams( query );
	for ( const [ name, value ] of Object.entries( filter ) ) {
		if ( value !== undefined ) {
			params.set( name, value );
		}
	}
	params.set( 'page', String( page ) );
	params.set( 'per_page', String( perPage ) );
	const { items, total } = await getPage< ReportConversation >(
		`${ REPORTS }/conversations?${ params.toString() }`
	);
	return { rows: items, total };
}
