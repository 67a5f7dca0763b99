// The mentoring programme's closed lists as the API's Mentoring/Vocabulary holds them: what an enterprise needs help
// with (one list with what a mentor knows, so the two can be matched), an enterprise's stage, a session's format.
// Their words are label('need', code), label('stage', code) and label('format', code).
export const needs = ['financing', 'marketing', 'ecommerce', 'legal', 'technology', 'hiring', 'management', 'accounting', 'policy', 'export'];
export const stages = ['idea', 'started', 'growing'];
export const formats = ['in_person', 'phone', 'video', 'site_visit'];
