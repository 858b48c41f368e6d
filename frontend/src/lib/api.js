// The only module that imports the generated Wails bindings. Every call returns a promise;
// a rejection always carries an ApiError {code, field, message} whatever shape Go's error
// formatter or the transport gave it.

import * as App from '../../wailsjs/go/main/App.js';
import { EventsOn } from '../../wailsjs/runtime/runtime.js';
import { writable } from 'svelte/store';
import { tr } from './i18n.js';

/** An error from the Go side, in the UI's language. */
export class ApiError extends Error {
  /**
   * @param {string} code domain error code (invalid, not_found, conflict, forbidden, internal)
   * @param {string} field the input field at fault, or ""
   * @param {string} message a message a person can read
   */
  constructor(code, field, message) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
  }
}

/**
 * Turns anything a rejected Wails call may carry into an ApiError: the formatter's object
 * {code, field, message}, the same as JSON text, a plain string, or an Error.
 * @param {unknown} err
 * @returns {ApiError}
 */
export function normalizeError(err) {
  if (err instanceof ApiError) return err;
  let e = err;
  if (typeof e === 'string') {
    const s = e.trim();
    if (s.startsWith('{')) {
      try {
        e = JSON.parse(s);
      } catch {
        // not JSON after all: a plain message
      }
    }
    if (typeof e === 'string') return new ApiError('internal', '', s || tr('error.generic'));
  }
  if (e && typeof e === 'object') {
    const message = typeof e.message === 'string' && e.message !== '' ? e.message : tr('error.generic');
    const code = typeof e.code === 'string' && e.code !== '' ? e.code : 'internal';
    const field = typeof e.field === 'string' ? e.field : '';
    return new ApiError(code, field, message);
  }
  return new ApiError('internal', '', tr('error.generic'));
}

/** The last file saved from the app ({path}), for the bar that opens it; null when none. */
export const lastSaved = writable(null);

/** A save with the desktop's dialog: the path, or "" when cancelled; a saved path is shown. */
async function saveFile(name, ...args) {
  const path = await call(name, ...args);
  if (path) lastSaved.set({ path });
  return path;
}

async function call(name, ...args) {
  if (!globalThis.window?.go?.main?.App) throw new ApiError('internal', '', tr('error.noBackend'));
  try {
    return await App[name](...args);
  } catch (err) {
    throw normalizeError(err);
  }
}

/** @returns {Promise<{dbPath: string, deviceId: string, empty: boolean, language: string}>} */
export const status = () => call('Status');
/** Switches the language of Go's error messages: "vi" or "en". */
export const setLanguage = (lang) => call('SetLanguage', lang);
/** Loads the Kim Sơn 2018 example; resolves to the registry's counts (store.Stats). */
export const loadDemo = () => call('LoadDemo');
export const loadPreset2025 = () => call('LoadPreset2025');
export const stats = () => call('Stats');
/** Every unit, closed and merged included, in Vietnamese order, flat with parentId. */
export const listUnits = async () => (await call('ListUnits')) ?? [];
export const getUnit = (id) => call('GetUnit', id);
export const searchUnits = async (q) => (await call('SearchUnits', q)) ?? [];
/** Creates (empty id) or updates a unit; resolves to the saved unit. */
export const saveUnit = (unit) => call('SaveUnit', unit);
export const moveUnit = (id, parentId) => call('MoveUnit', id, parentId);
export const mergeUnit = (id, intoId) => call('MergeUnit', id, intoId);
/** Dissolves a unit on a date "yyyy-mm-dd". */
export const closeUnit = (id, on) => call('CloseUnit', id, on);
export const listCommunes = async () => (await call('ListCommunes')) ?? [];

// ---- Monthly scoring (chấm điểm) and year-end classification (xếp loại cuối năm) ----
export const listCriteriaSets = async () => (await call('ListCriteriaSets')) ?? [];
export const getCriteriaSet = (id) => call('GetCriteriaSet', id);
/** Creates (empty id) or updates a draft set. */
export const saveCriteriaSet = (set) => call('SaveCriteriaSet', set);
export const publishCriteriaSet = (id) => call('PublishCriteriaSet', id);
/** A new draft version of a set, effective from month "yyyy-mm". */
export const newCriteriaSetVersion = (id, month) => call('NewCriteriaSetVersion', id, month);
export const deleteCriteriaSet = (id) => call('DeleteCriteriaSet', id);
export const loadExampleCriteriaSet = (id = '') => call('LoadExampleCriteriaSet', id);
/** Imports a workbook given as base64; resolves to the new draft. */
export const importCriteriaSetXLSX = (base64) => call('ImportCriteriaSetXLSX', base64);
/** Resolves to the workbook as base64. */
export const exportCriteriaSetXLSX = (id) => call('ExportCriteriaSetXLSX', id);
export const getScoreSheet = (unitId, month) => call('GetScoreSheet', unitId, month);
export const saveSelfAssessment = (unitId, month, scores, note, submit) =>
  call('SaveSelfAssessment', unitId, month, scores, note, submit);
export const saveReview = (unitId, month, scores, comment) => call('SaveReview', unitId, month, scores, comment);
export const approveScoreSheet = (unitId, month) => call('ApproveScoreSheet', unitId, month);
export const unlockScoreSheet = (unitId, month, reason) => call('UnlockScoreSheet', unitId, month, reason);
export const scoringAudit = async (subjectId) => (await call('ScoringAudit', subjectId)) ?? [];
export const monthReport = (month) => call('MonthReport', month);
export const unitYear = (unitId, year) => call('UnitYear', unitId, year);
export const yearReport = (year) => call('YearReport', year);
export const overrideClassification = (unitId, year, grade, reason) =>
  call('OverrideClassification', unitId, year, grade, reason);
export const loadDemoScoring = () => call('LoadDemoScoring');
export const exportMonthReportXLSX = (month) => call('ExportMonthReportXLSX', month);
export const exportYearReportXLSX = (year) => call('ExportYearReportXLSX', year);
/** The classification table as DOCX (base64), dated "dd/mm/yyyy" or undated. */
export const exportClassificationDOCX = (year, date) => call('ExportClassificationDOCX', year, date);

// ---- Registry: communes (xã, phường), areas (tiểu khu), clusters (cụm xã), officials ----
/** Creates (empty id) or updates a commune; resolves to the saved commune. */
export const saveCommune = (commune) => call('SaveCommune', commune);
/** Areas (tiểu khu) in Vietnamese order. */
export const listAreas = async () => (await call('ListAreas')) ?? [];
export const saveArea = (area) => call('SaveArea', area);
/** Clusters (cụm xã) in Vietnamese order. */
export const listClusters = async () => (await call('ListClusters')) ?? [];
export const saveCluster = (cluster) => call('SaveCluster', cluster);
/** Officials (cán bộ) in Vietnamese order of name, inactive ones included. */
export const listOfficials = async () => (await call('ListOfficials')) ?? [];
export const committeeProfiles = async () => (await call('CommitteeProfiles')) ?? [];
export const saveCommitteeProfile = (p) => call('SaveCommitteeProfile', p);
export const mergeCommunes = (m) => call('MergeCommunes', m);
export const getRound = (month) => call('GetRound', month);
export const listRounds = async (year) => (await call('ListRounds', year)) ?? [];
export const saveConference = (c) => call('SaveConference', c);
export const draftNotice = (month, replaces = '') => call('DraftNotice', month, replaces);
export const saveNotice = (n) => call('SaveNotice', n);
export const issueNotice = (id, date = '') => call('IssueNotice', id, date);
export const listNotices = async (month = '') => (await call('ListNotices', month)) ?? [];
export const saveNoticeFile = (id, format) => saveFile('SaveNoticeFile', id, format);
export const listRemediation = async (f = {}) => (await call('ListRemediation', { unitId: '', noticeId: '', openOnly: false, ...f })) ?? [];
export const reportRemediation = (itemId, date, actions, evidence) => call('ReportRemediation', itemId, date, actions, evidence);
export const verifyRemediation = (itemId, verdict, comment) => call('VerifyRemediation', itemId, verdict, comment);
export const yearTheme = (year) => call('YearTheme', Number(year));
export const setYearTheme = (year, theme) => call('SetYearTheme', Number(year), theme);
export const saveMatter = (m) => call('SaveMatter', { milestones: [], topic: '', raisedBy: '', forwardedTo: '', dialogueId: '', state: '', result: '', evidence: '', ...m });
export const reviewMatter = (id, decision, comment) => call('ReviewMatter', id, decision, comment);
export const updateMatter = (id, date, state, note, evidence = '') => call('UpdateMatter', id, date, state, note, evidence);
export const listMatters = async (f) => (await call('ListMatters', f)) ?? [];
export const saveDialogue = (d, issues) => call('SaveDialogue', d, issues);
export const dialogueStats = (year) => call('DialogueStats', Number(year));
export const dialogueTopics = async () => (await call('DialogueTopics')) ?? [];
export const saveMattersXLSX = (f) => saveFile('SaveMattersXLSX', f);
export const saveBriefing = (b, directions) => call('SaveBriefing', b, directions);
export const forwardConcern = (reportId) => call('ForwardConcern', reportId);
export const saveRemediationXLSX = (f = {}) => saveFile('SaveRemediationXLSX', { unitId: '', noticeId: '', openOnly: false, ...f });
/** Creates (empty id) or updates an official; the assignment must fit the role. */
export const saveOfficial = (official) => call('SaveOfficial', official);
/** PRAGMA integrity_check: "ok" or the problems found. */
export const checkDatabase = () => call('CheckDatabase');

// ---- Field workflow: schedules (lịch sinh hoạt), visits (dự sinh hoạt), reports ----
/** A commune's cells ("" for all) with their schedules of month "yyyy-mm", and coverage. */
export const monthGrid = (communeId, month) => call('MonthGrid', communeId, month);
/** Saves a grid's edited rows, all or none; an error's field is "rowIndex.field". */
export const saveSchedules = async (rows) => (await call('SaveSchedules', rows)) ?? [];
export const deleteSchedule = (id) => call('DeleteSchedule', id);
export const cancelSchedule = (id) => call('CancelSchedule', id);
/** Sends a commune's draft schedules of a month; resolves to how many. */
export const publishMonth = (communeId, month) => call('PublishMonth', communeId, month);
export const copyLastMonth = (communeId, month) => call('CopyLastMonth', communeId, month);
/** Published meetings: filter {from, to, communeId, notVisitedThisYear}. */
export const listSchedules = async (filter) => (await call('ListSchedules', filter)) ?? [];
/** Resolves to {visit, alsoPlanned: [names of officials who chose the same meeting]}. */
export const planVisit = (scheduleId, officialId, note) => call('PlanVisit', scheduleId, officialId, note ?? '');
export const cancelVisit = (id) => call('CancelVisit', id);
/** Visits by filter {month, officialId, communeId}. */
export const listVisits = async (filter) => (await call('ListVisits', filter)) ?? [];
export const visitClashes = async (month) => (await call('VisitClashes', month)) ?? [];
export const letterSettings = () => call('LetterSettings');
export const setLetterSettings = (s) => call('SetLetterSettings', s);
export const issueLetter = (visitId, date) => call('IssueLetter', visitId, date ?? '');
/** {draft, template, visit, saved}: the saved draft or a new one prefilled from the visit. */
export const openReportForm = (visitId, amends) => call('OpenReportForm', visitId, amends ?? '');
export const saveReportDraft = (draft) => call('SaveReportDraft', draft);
export const submitReport = (visitId, amends, reason) => call('SubmitReport', visitId, amends ?? '', reason ?? '');
export const reportHistory = async (reportId) => (await call('ReportHistory', reportId)) ?? [];
export const listReports = async (month) => (await call('ListReports', month)) ?? [];
export const releaseAssessment = (reportId) => call('ReleaseAssessment', reportId);
export const listReleases = async (communeId) => (await call('ListReleases', communeId)) ?? [];
export const listTemplates = async () => (await call('ListTemplates')) ?? [];
export const roundOverview = (month) => call('RoundOverview', month);
/** The leadership's overview of a period {kind: 'month'|'quarter'|'year', year, n}. */
export const overview = (period) => call('Overview', period);
export const savePeriodicReport = (period, format) => saveFile('SavePeriodicReport', period, format);
export const exportPeriodicReport = (period, format) => call('ExportPeriodicReport', period, format);
export const communePage = (communeId, month) => call('CommunePage', communeId, month);
/** Papers through the desktop's save dialog; resolve to the path ("" when cancelled). */
export const saveLetter = (visitId, format) => saveFile('SaveLetter', visitId, format);
export const saveReport = (reportId, format) => saveFile('SaveReport', reportId, format);
export const saveOverview = (month) => saveFile('SaveOverview', month);
/** Papers as base64 (tests, previews). */
export const exportLetter = (visitId, format) => call('ExportLetter', visitId, format);
export const exportReport = (reportId, format) => call('ExportReport', reportId, format);
export const exportOverview = (month) => call('ExportOverview', month);
// Scoring files through the desktop's save dialog: each resolves to the path ("" if cancelled).
export const saveCriteriaSetXLSX = (id) => saveFile('SaveCriteriaSetXLSX', id);
export const saveMonthReportXLSX = (month) => saveFile('SaveMonthReportXLSX', month);
export const saveYearReportXLSX = (year) => saveFile('SaveYearReportXLSX', year);
export const saveClassificationDOCX = (year, date) => saveFile('SaveClassificationDOCX', year, date);
/** Saves an edited report template as a new version; resolves to it. */
export const saveTemplateVersion = (template) => call('SaveTemplateVersion', template);

// ---- Sync (Đồng bộ): server address, sign-in, background sync status ----
/** {serverUrl, fingerprint}: the server address and the pinned certificate's fingerprint. */
export const syncSettings = () => call('SyncSettings');
/** Saves the server address; resolves to the settings. A new host forgets the pinned certificate. */
export const saveSyncServer = (url) => call('SaveSyncServer', url);
/** {reachable, untrusted, fingerprint}: untrusted asks the user to accept the certificate. */
export const checkSyncServer = () => call('CheckSyncServer');
/** Pins the server certificate with this fingerprint ("AA:BB:…"). */
export const trustServerCertificate = (fingerprint) => call('TrustServerCertificate', fingerprint);
/** The users who signed in on this desktop before (session.Account, without secrets). */
export const accounts = async () => (await call('Accounts')) ?? [];
/** Signs in (online the first time, offline after); Go then works on the user's database. */
export const signIn = (username, password) => call('SignIn', username, password);
/** Signs out; unsynced changes stay in the user's database. */
export const signOut = () => call('SignOut');
/** Starts a sync at once; resolves to the status. */
export const syncNow = () => call('SyncNow');
/** desktopsync.Status: state, lastSyncAt, lastError, pending, refused, progress, account… */
export const syncStatus = () => call('SyncStatus');
/** The changes the server refused, newest first, with reasons in Vietnamese and English. */
export const refusedChanges = async () => (await call('RefusedChanges')) ?? [];
/** Gives up a record's refused changes; the server's version comes back by a resync. */
export const discardRefused = (kind, recordId) => call('DiscardRefused', kind, recordId);
/**
 * Calls fn with every status Go emits as the "sync:status" event; returns a function that
 * stops listening. Without the Wails runtime (unit tests) it does nothing.
 */
export function onSyncStatus(fn) {
  if (typeof globalThis.window?.runtime?.EventsOnMultiple !== 'function') return () => {};
  const off = EventsOn('sync:status', fn);
  return typeof off === 'function' ? off : () => {};
}
/** Letter numbers of a year held by more than one visit (two numbering desktops). */
export const letterClashes = async (year) => (await call('LetterClashes', year)) ?? [];

/** Opens a file the app saved, or its folder; prints a paper through the system's viewer. */
export const openFile = (path) => call('OpenFile', path);
export const saveSchedule = (communeId, month, format) => saveFile('SaveSchedule', communeId, month, format);
export const exportSchedule = (communeId, month, format) => call('ExportSchedule', communeId, month, format);
export const paperTemplates = () => call('PaperTemplates');
export const setPaperTemplate = (kind, name, data) => call('SetPaperTemplate', kind, name, data);
export const clearPaperTemplate = (kind) => call('ClearPaperTemplate', kind);
export const paperOrder = () => call('PaperOrder');
export const setPaperOrder = (order) => call('SetPaperOrder', order);
export const searchVisits = async (query) => (await call('SearchVisits', query)) ?? [];
export const showInFolder = (path) => call('ShowInFolder', path);
export const printDocument = async (kind, id) => {
  const path = await call('PrintDocument', kind, id);
  if (path) lastSaved.set({ path });
  return path;
};
