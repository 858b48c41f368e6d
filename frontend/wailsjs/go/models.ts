export namespace desktopsync {
	
	export class ServerCheck {
	    reachable: boolean;
	    untrusted: boolean;
	    fingerprint: string;
	
	    static createFrom(source: any = {}) {
	        return new ServerCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.reachable = source["reachable"];
	        this.untrusted = source["untrusted"];
	        this.fingerprint = source["fingerprint"];
	    }
	}
	export class Settings {
	    serverUrl: string;
	    fingerprint: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.serverUrl = source["serverUrl"];
	        this.fingerprint = source["fingerprint"];
	    }
	}
	export class Status {
	    state: string;
	    lastSyncAt: string;
	    lastError?: string;
	    pending: number;
	    refused: number;
	    // Go type: syncclient
	    progress?: any;
	    // Go type: time
	    nextAttempt: any;
	    // Go type: syncclient
	    lastReport?: any;
	    seq: number;
	    signedIn: boolean;
	    account?: session.Account;
	    serverUrl: string;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.lastSyncAt = source["lastSyncAt"];
	        this.lastError = source["lastError"];
	        this.pending = source["pending"];
	        this.refused = source["refused"];
	        this.progress = this.convertValues(source["progress"], null);
	        this.nextAttempt = this.convertValues(source["nextAttempt"], null);
	        this.lastReport = this.convertValues(source["lastReport"], null);
	        this.seq = source["seq"];
	        this.signedIn = source["signedIn"];
	        this.account = this.convertValues(source["account"], session.Account);
	        this.serverUrl = source["serverUrl"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace domain {
	
	export class Area {
	    id: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new Area(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	    }
	}
	export class BriefingReport {
	    communeId: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new BriefingReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.communeId = source["communeId"];
	        this.text = source["text"];
	    }
	}
	export class Briefing {
	    id: string;
	    clusterId: string;
	    date: string;
	    place: string;
	    chair: string;
	    reports: BriefingReport[];
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Briefing(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clusterId = source["clusterId"];
	        this.date = source["date"];
	        this.place = source["place"];
	        this.chair = source["chair"];
	        this.reports = this.convertValues(source["reports"], BriefingReport);
	        this.note = source["note"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ChartPoint {
	    month: string;
	    status: string;
	    total?: number;
	    grade: string;
	
	    static createFrom(source: any = {}) {
	        return new ChartPoint(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.status = source["status"];
	        this.total = source["total"];
	        this.grade = source["grade"];
	    }
	}
	export class Cluster {
	    id: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new Cluster(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	    }
	}
	export class CommitteeProfile {
	    committeeId: string;
	    communeId: string;
	    shortName: string;
	    parentBody: string;
	    issuingBody: string;
	    place: string;
	    symbol: string;
	    orgBoard: string;
	    signerCapacity: string;
	    signerTitle: string;
	    signerName: string;
	    letterRecipients: string[];
	    reportRecipients: string[];
	    topics: string[];
	    letterPurpose: string;
	    letterValidDays: number;
	    marginTop: number;
	    marginBottom: number;
	    marginLeft: number;
	    marginRight: number;
	    top?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CommitteeProfile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.committeeId = source["committeeId"];
	        this.communeId = source["communeId"];
	        this.shortName = source["shortName"];
	        this.parentBody = source["parentBody"];
	        this.issuingBody = source["issuingBody"];
	        this.place = source["place"];
	        this.symbol = source["symbol"];
	        this.orgBoard = source["orgBoard"];
	        this.signerCapacity = source["signerCapacity"];
	        this.signerTitle = source["signerTitle"];
	        this.signerName = source["signerName"];
	        this.letterRecipients = source["letterRecipients"];
	        this.reportRecipients = source["reportRecipients"];
	        this.topics = source["topics"];
	        this.letterPurpose = source["letterPurpose"];
	        this.letterValidDays = source["letterValidDays"];
	        this.marginTop = source["marginTop"];
	        this.marginBottom = source["marginBottom"];
	        this.marginLeft = source["marginLeft"];
	        this.marginRight = source["marginRight"];
	        this.top = source["top"];
	    }
	}
	export class Commune {
	    id: string;
	    name: string;
	    kind: string;
	    areaId: string;
	    clusterId: string;
	    status: string;
	    mergedIntoId?: string;
	    syncState: string;
	
	    static createFrom(source: any = {}) {
	        return new Commune(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.areaId = source["areaId"];
	        this.clusterId = source["clusterId"];
	        this.status = source["status"];
	        this.mergedIntoId = source["mergedIntoId"];
	        this.syncState = source["syncState"];
	    }
	}
	export class Remark {
	    official: string;
	    remarks: string;
	    solutions: string;
	
	    static createFrom(source: any = {}) {
	        return new Remark(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.official = source["official"];
	        this.remarks = source["remarks"];
	        this.solutions = source["solutions"];
	    }
	}
	export class Conference {
	    id: string;
	    committeeId: string;
	    communeId: string;
	    month: string;
	    date: string;
	    place: string;
	    chair: string;
	    present: string[];
	    remarks: Remark[];
	    note: string;
	    syncState: string;
	
	    static createFrom(source: any = {}) {
	        return new Conference(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.committeeId = source["committeeId"];
	        this.communeId = source["communeId"];
	        this.month = source["month"];
	        this.date = source["date"];
	        this.place = source["place"];
	        this.chair = source["chair"];
	        this.present = source["present"];
	        this.remarks = this.convertValues(source["remarks"], Remark);
	        this.note = source["note"];
	        this.syncState = source["syncState"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Coverage {
	    cells: number;
	    scheduled: number;
	    published: number;
	    missing: number;
	    duplicates: number;
	
	    static createFrom(source: any = {}) {
	        return new Coverage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.cells = source["cells"];
	        this.scheduled = source["scheduled"];
	        this.published = source["published"];
	        this.missing = source["missing"];
	        this.duplicates = source["duplicates"];
	    }
	}
	export class ShareRule {
	    grade: string;
	    ofGrades: string[];
	    maxPercent: number;
	
	    static createFrom(source: any = {}) {
	        return new ShareRule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.grade = source["grade"];
	        this.ofGrades = source["ofGrades"];
	        this.maxPercent = source["maxPercent"];
	    }
	}
	export class YearRule {
	    grade: string;
	    minMean: number;
	    minLowest: number;
	    conditions?: string[];
	
	    static createFrom(source: any = {}) {
	        return new YearRule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.grade = source["grade"];
	        this.minMean = source["minMean"];
	        this.minLowest = source["minLowest"];
	        this.conditions = source["conditions"];
	    }
	}
	export class YearRules {
	    minMonths: number;
	    decimals: number;
	    rules: YearRule[];
	    shareRules: ShareRule[];
	
	    static createFrom(source: any = {}) {
	        return new YearRules(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.minMonths = source["minMonths"];
	        this.decimals = source["decimals"];
	        this.rules = this.convertValues(source["rules"], YearRule);
	        this.shareRules = this.convertValues(source["shareRules"], ShareRule);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class GradeThreshold {
	    grade: string;
	    min: number;
	
	    static createFrom(source: any = {}) {
	        return new GradeThreshold(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.grade = source["grade"];
	        this.min = source["min"];
	    }
	}
	export class Adjustment {
	    code: string;
	    title: string;
	    maxPoints: number;
	    guidance: string;
	
	    static createFrom(source: any = {}) {
	        return new Adjustment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.title = source["title"];
	        this.maxPoints = source["maxPoints"];
	        this.guidance = source["guidance"];
	    }
	}
	export class Criterion {
	    code: string;
	    title: string;
	    maxPoints: number;
	    guidance: string;
	
	    static createFrom(source: any = {}) {
	        return new Criterion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.title = source["title"];
	        this.maxPoints = source["maxPoints"];
	        this.guidance = source["guidance"];
	    }
	}
	export class CriteriaGroup {
	    code: string;
	    title: string;
	    criteria: Criterion[];
	
	    static createFrom(source: any = {}) {
	        return new CriteriaGroup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.title = source["title"];
	        this.criteria = this.convertValues(source["criteria"], Criterion);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CriteriaSet {
	    id: string;
	    seriesId: string;
	    name: string;
	    version: number;
	    status: string;
	    effectiveMonth: string;
	    unitKinds: string[];
	    example: boolean;
	    note: string;
	    publishedAt: string;
	    publishedBy: string;
	    groups: CriteriaGroup[];
	    bonuses: Adjustment[];
	    penalties: Adjustment[];
	    bonusCap: number;
	    penaltyCap: number;
	    thresholds: GradeThreshold[];
	    // Go type: YearRules
	    yearRules: any;
	    guidance: string;
	    syncState: string;
	
	    static createFrom(source: any = {}) {
	        return new CriteriaSet(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.seriesId = source["seriesId"];
	        this.name = source["name"];
	        this.version = source["version"];
	        this.status = source["status"];
	        this.effectiveMonth = source["effectiveMonth"];
	        this.unitKinds = source["unitKinds"];
	        this.example = source["example"];
	        this.note = source["note"];
	        this.publishedAt = source["publishedAt"];
	        this.publishedBy = source["publishedBy"];
	        this.groups = this.convertValues(source["groups"], CriteriaGroup);
	        this.bonuses = this.convertValues(source["bonuses"], Adjustment);
	        this.penalties = this.convertValues(source["penalties"], Adjustment);
	        this.bonusCap = source["bonusCap"];
	        this.penaltyCap = source["penaltyCap"];
	        this.thresholds = this.convertValues(source["thresholds"], GradeThreshold);
	        this.yearRules = this.convertValues(source["yearRules"], null);
	        this.guidance = source["guidance"];
	        this.syncState = source["syncState"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Dialogue {
	    id: string;
	    communeId: string;
	    kind: string;
	    date: string;
	    place: string;
	    chair: string;
	    participants: string;
	    note: string;
	    syncState: string;
	
	    static createFrom(source: any = {}) {
	        return new Dialogue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.communeId = source["communeId"];
	        this.kind = source["kind"];
	        this.date = source["date"];
	        this.place = source["place"];
	        this.chair = source["chair"];
	        this.participants = source["participants"];
	        this.note = source["note"];
	        this.syncState = source["syncState"];
	    }
	}
	export class DialogueCounts {
	    communes: number;
	    held: number;
	    dialogues: number;
	    receptions: number;
	    issues: number;
	    answered: number;
	    shortOfReceptions: number;
	
	    static createFrom(source: any = {}) {
	        return new DialogueCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.communes = source["communes"];
	        this.held = source["held"];
	        this.dialogues = source["dialogues"];
	        this.receptions = source["receptions"];
	        this.issues = source["issues"];
	        this.answered = source["answered"];
	        this.shortOfReceptions = source["shortOfReceptions"];
	    }
	}
	export class DocumentHeader {
	    parentBody: string;
	    issuingBody: string;
	    issuerName: string;
	    place: string;
	    signerCapacity: string;
	    signerTitle: string;
	    signerName: string;
	
	    static createFrom(source: any = {}) {
	        return new DocumentHeader(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.parentBody = source["parentBody"];
	        this.issuingBody = source["issuingBody"];
	        this.issuerName = source["issuerName"];
	        this.place = source["place"];
	        this.signerCapacity = source["signerCapacity"];
	        this.signerTitle = source["signerTitle"];
	        this.signerName = source["signerName"];
	    }
	}
	
	export class MatterUpdate {
	    id: string;
	    date: string;
	    state: string;
	    note: string;
	    by: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new MatterUpdate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.date = source["date"];
	        this.state = source["state"];
	        this.note = source["note"];
	        this.by = source["by"];
	        this.at = source["at"];
	    }
	}
	export class Milestone {
	    date: string;
	    what: string;
	
	    static createFrom(source: any = {}) {
	        return new Milestone(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.what = source["what"];
	    }
	}
	export class Matter {
	    id: string;
	    source: string;
	    unitId: string;
	    unitName?: string;
	    communeId: string;
	    communeName?: string;
	    year: number;
	    title: string;
	    expected: string;
	    lead: string;
	    deadline: string;
	    milestones: Milestone[];
	    topic: string;
	    raisedBy: string;
	    forwardedTo: string;
	    dialogueId: string;
	    briefingId: string;
	    reportId: string;
	    noticeNumber?: string;
	    state: string;
	    result: string;
	    evidence: string;
	    createdAt: string;
	    decision: string;
	    comment: string;
	    decidedBy: string;
	    updates: MatterUpdate[];
	    overdue: boolean;
	    syncState: string;
	
	    static createFrom(source: any = {}) {
	        return new Matter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.source = source["source"];
	        this.unitId = source["unitId"];
	        this.unitName = source["unitName"];
	        this.communeId = source["communeId"];
	        this.communeName = source["communeName"];
	        this.year = source["year"];
	        this.title = source["title"];
	        this.expected = source["expected"];
	        this.lead = source["lead"];
	        this.deadline = source["deadline"];
	        this.milestones = this.convertValues(source["milestones"], Milestone);
	        this.topic = source["topic"];
	        this.raisedBy = source["raisedBy"];
	        this.forwardedTo = source["forwardedTo"];
	        this.dialogueId = source["dialogueId"];
	        this.briefingId = source["briefingId"];
	        this.reportId = source["reportId"];
	        this.noticeNumber = source["noticeNumber"];
	        this.state = source["state"];
	        this.result = source["result"];
	        this.evidence = source["evidence"];
	        this.createdAt = source["createdAt"];
	        this.decision = source["decision"];
	        this.comment = source["comment"];
	        this.decidedBy = source["decidedBy"];
	        this.updates = this.convertValues(source["updates"], MatterUpdate);
	        this.overdue = source["overdue"];
	        this.syncState = source["syncState"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MatterCounts {
	    source: string;
	    total: number;
	    open: number;
	    overdue: number;
	    resolved: number;
	    partly: number;
	    notResolved: number;
	
	    static createFrom(source: any = {}) {
	        return new MatterCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = source["source"];
	        this.total = source["total"];
	        this.open = source["open"];
	        this.overdue = source["overdue"];
	        this.resolved = source["resolved"];
	        this.partly = source["partly"];
	        this.notResolved = source["notResolved"];
	    }
	}
	
	
	export class MonthRow {
	    rank: number;
	    unitId: string;
	    unitName: string;
	    unitKind: string;
	    communeId: string;
	    status: string;
	    selfTotal?: number;
	    verified?: number;
	    total?: number;
	    grade: string;
	
	    static createFrom(source: any = {}) {
	        return new MonthRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rank = source["rank"];
	        this.unitId = source["unitId"];
	        this.unitName = source["unitName"];
	        this.unitKind = source["unitKind"];
	        this.communeId = source["communeId"];
	        this.status = source["status"];
	        this.selfTotal = source["selfTotal"];
	        this.verified = source["verified"];
	        this.total = source["total"];
	        this.grade = source["grade"];
	    }
	}
	export class MonthReport {
	    month: string;
	    rows: MonthRow[];
	    distribution: {[key: string]: number};
	    byStatus: {[key: string]: number};
	    notSubmitted: MonthRow[];
	
	    static createFrom(source: any = {}) {
	        return new MonthReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.rows = this.convertValues(source["rows"], MonthRow);
	        this.distribution = source["distribution"];
	        this.byStatus = source["byStatus"];
	        this.notSubmitted = this.convertValues(source["notSubmitted"], MonthRow);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Shortcoming {
	    id: string;
	    text: string;
	    fix: string;
	    due: string;
	
	    static createFrom(source: any = {}) {
	        return new Shortcoming(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.text = source["text"];
	        this.fix = source["fix"];
	        this.due = source["due"];
	    }
	}
	export class NoticeShortcomings {
	    unitId: string;
	    name: string;
	    items: Shortcoming[];
	
	    static createFrom(source: any = {}) {
	        return new NoticeShortcomings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.name = source["name"];
	        this.items = this.convertValues(source["items"], Shortcoming);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class NoticeUnit {
	    unitId: string;
	    name: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new NoticeUnit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.name = source["name"];
	        this.note = source["note"];
	    }
	}
	export class Notice {
	    id: string;
	    committeeId: string;
	    communeId: string;
	    month: string;
	    status: string;
	    number: number;
	    termStart: number;
	    symbol: string;
	    date: string;
	    assessment: string;
	    didWell: NoticeUnit[];
	    shortcomings: NoticeShortcomings[];
	    directions: string;
	    recipients: string[];
	    replaces: string;
	    issuedAt: string;
	    issuedBy: string;
	    syncState: string;
	
	    static createFrom(source: any = {}) {
	        return new Notice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.committeeId = source["committeeId"];
	        this.communeId = source["communeId"];
	        this.month = source["month"];
	        this.status = source["status"];
	        this.number = source["number"];
	        this.termStart = source["termStart"];
	        this.symbol = source["symbol"];
	        this.date = source["date"];
	        this.assessment = source["assessment"];
	        this.didWell = this.convertValues(source["didWell"], NoticeUnit);
	        this.shortcomings = this.convertValues(source["shortcomings"], NoticeShortcomings);
	        this.directions = source["directions"];
	        this.recipients = source["recipients"];
	        this.replaces = source["replaces"];
	        this.issuedAt = source["issuedAt"];
	        this.issuedBy = source["issuedBy"];
	        this.syncState = source["syncState"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Official {
	    id: string;
	    name: string;
	    title: string;
	    role: string;
	    areaId: string;
	    communeId: string;
	    committeeId: string;
	    active: boolean;
	    syncState: string;
	
	    static createFrom(source: any = {}) {
	        return new Official(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.title = source["title"];
	        this.role = source["role"];
	        this.areaId = source["areaId"];
	        this.communeId = source["communeId"];
	        this.committeeId = source["committeeId"];
	        this.active = source["active"];
	        this.syncState = source["syncState"];
	    }
	}
	export class RemediationCounts {
	    items: number;
	    reported: number;
	    remedied: number;
	    notRemedied: number;
	    overdue: number;
	
	    static createFrom(source: any = {}) {
	        return new RemediationCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.items = source["items"];
	        this.reported = source["reported"];
	        this.remedied = source["remedied"];
	        this.notRemedied = source["notRemedied"];
	        this.overdue = source["overdue"];
	    }
	}
	export class OverviewRow {
	    id: string;
	    name: string;
	    cells: number;
	    scheduled: number;
	    planned: number;
	    attended: number;
	    reported: number;
	
	    static createFrom(source: any = {}) {
	        return new OverviewRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.cells = source["cells"];
	        this.scheduled = source["scheduled"];
	        this.planned = source["planned"];
	        this.attended = source["attended"];
	        this.reported = source["reported"];
	    }
	}
	export class Period {
	    kind: string;
	    year: number;
	    n: number;
	
	    static createFrom(source: any = {}) {
	        return new Period(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.year = source["year"];
	        this.n = source["n"];
	    }
	}
	export class Overview {
	    period: Period;
	    label: string;
	    cells: number;
	    scheduled: number;
	    expected: number;
	    visits: OverviewRow;
	    communes: OverviewRow[];
	    quality: {[key: string]: number};
	    scoringMonth: string;
	    grades: {[key: string]: number};
	    ranked: MonthRow[];
	    notSubmitted: number;
	    matters: MatterCounts[];
	    remediation: RemediationCounts;
	    dialogues: DialogueCounts;
	    yearTheme: string;
	
	    static createFrom(source: any = {}) {
	        return new Overview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.period = this.convertValues(source["period"], Period);
	        this.label = source["label"];
	        this.cells = source["cells"];
	        this.scheduled = source["scheduled"];
	        this.expected = source["expected"];
	        this.visits = this.convertValues(source["visits"], OverviewRow);
	        this.communes = this.convertValues(source["communes"], OverviewRow);
	        this.quality = source["quality"];
	        this.scoringMonth = source["scoringMonth"];
	        this.grades = source["grades"];
	        this.ranked = this.convertValues(source["ranked"], MonthRow);
	        this.notSubmitted = source["notSubmitted"];
	        this.matters = this.convertValues(source["matters"], MatterCounts);
	        this.remediation = this.convertValues(source["remediation"], RemediationCounts);
	        this.dialogues = this.convertValues(source["dialogues"], DialogueCounts);
	        this.yearTheme = source["yearTheme"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	export class RemediationReport {
	    id: string;
	    itemId: string;
	    date: string;
	    actions: string;
	    evidence: string;
	    by: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new RemediationReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.itemId = source["itemId"];
	        this.date = source["date"];
	        this.actions = source["actions"];
	        this.evidence = source["evidence"];
	        this.by = source["by"];
	        this.at = source["at"];
	    }
	}
	export class RemediationItem {
	    id: string;
	    noticeId: string;
	    noticeNumber: string;
	    unitId: string;
	    unitName: string;
	    communeId: string;
	    committeeId: string;
	    shortcoming: string;
	    fix: string;
	    due: string;
	    reports: RemediationReport[];
	    verdict: string;
	    comment: string;
	    verifiedBy: string;
	    verifiedAt: string;
	    overdue: boolean;
	    syncState: string;
	
	    static createFrom(source: any = {}) {
	        return new RemediationItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.noticeId = source["noticeId"];
	        this.noticeNumber = source["noticeNumber"];
	        this.unitId = source["unitId"];
	        this.unitName = source["unitName"];
	        this.communeId = source["communeId"];
	        this.committeeId = source["committeeId"];
	        this.shortcoming = source["shortcoming"];
	        this.fix = source["fix"];
	        this.due = source["due"];
	        this.reports = this.convertValues(source["reports"], RemediationReport);
	        this.verdict = source["verdict"];
	        this.comment = source["comment"];
	        this.verifiedBy = source["verifiedBy"];
	        this.verifiedAt = source["verifiedAt"];
	        this.overdue = source["overdue"];
	        this.syncState = source["syncState"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Report {
	    id: string;
	    visitId: string;
	    templateId: string;
	    templateVersion: number;
	    cellId: string;
	    communeId: string;
	    officialId: string;
	    committeeId: string;
	    values: {[key: string]: any};
	    submittedAt: string;
	    amends: string;
	    revision: number;
	    reason: string;
	    syncState: string;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.visitId = source["visitId"];
	        this.templateId = source["templateId"];
	        this.templateVersion = source["templateVersion"];
	        this.cellId = source["cellId"];
	        this.communeId = source["communeId"];
	        this.officialId = source["officialId"];
	        this.committeeId = source["committeeId"];
	        this.values = source["values"];
	        this.submittedAt = source["submittedAt"];
	        this.amends = source["amends"];
	        this.revision = source["revision"];
	        this.reason = source["reason"];
	        this.syncState = source["syncState"];
	    }
	}
	export class ReportDraft {
	    visitId: string;
	    amends: string;
	    templateId: string;
	    templateVersion: number;
	    values: {[key: string]: any};
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportDraft(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.visitId = source["visitId"];
	        this.amends = source["amends"];
	        this.templateId = source["templateId"];
	        this.templateVersion = source["templateVersion"];
	        this.values = source["values"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class ReportSummary {
	    report: Report;
	    date: string;
	    cellName: string;
	    communeId: string;
	    communeName: string;
	    officialName: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.report = this.convertValues(source["report"], Report);
	        this.date = source["date"];
	        this.cellName = source["cellName"];
	        this.communeId = source["communeId"];
	        this.communeName = source["communeName"];
	        this.officialName = source["officialName"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TemplateCheck {
	    sum: string[];
	    equals: string;
	
	    static createFrom(source: any = {}) {
	        return new TemplateCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sum = source["sum"];
	        this.equals = source["equals"];
	    }
	}
	export class TemplateField {
	    key: string;
	    label: string;
	    type: string;
	    required?: boolean;
	    options?: string[];
	    release?: string;
	    prefill?: string;
	    help?: string;
	
	    static createFrom(source: any = {}) {
	        return new TemplateField(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.type = source["type"];
	        this.required = source["required"];
	        this.options = source["options"];
	        this.release = source["release"];
	        this.prefill = source["prefill"];
	        this.help = source["help"];
	    }
	}
	export class ReportTemplate {
	    id: string;
	    name: string;
	    version: number;
	    fields: TemplateField[];
	    checks: TemplateCheck[];
	    createdAt: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportTemplate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.version = source["version"];
	        this.fields = this.convertValues(source["fields"], TemplateField);
	        this.checks = this.convertValues(source["checks"], TemplateCheck);
	        this.createdAt = source["createdAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RoundOverview {
	    month: string;
	    communes: OverviewRow[];
	    officials: OverviewRow[];
	    total: OverviewRow;
	    reports: ReportSummary[];
	
	    static createFrom(source: any = {}) {
	        return new RoundOverview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.communes = this.convertValues(source["communes"], OverviewRow);
	        this.officials = this.convertValues(source["officials"], OverviewRow);
	        this.total = this.convertValues(source["total"], OverviewRow);
	        this.reports = this.convertValues(source["reports"], ReportSummary);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Schedule {
	    id: string;
	    cellId: string;
	    communeId: string;
	    month: string;
	    date: string;
	    startTime: string;
	    place: string;
	    kind: string;
	    status: string;
	    changedAfterPublish: boolean;
	    note: string;
	    cellName?: string;
	    communeName?: string;
	    syncState: string;
	
	    static createFrom(source: any = {}) {
	        return new Schedule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.cellId = source["cellId"];
	        this.communeId = source["communeId"];
	        this.month = source["month"];
	        this.date = source["date"];
	        this.startTime = source["startTime"];
	        this.place = source["place"];
	        this.kind = source["kind"];
	        this.status = source["status"];
	        this.changedAfterPublish = source["changedAfterPublish"];
	        this.note = source["note"];
	        this.cellName = source["cellName"];
	        this.communeName = source["communeName"];
	        this.syncState = source["syncState"];
	    }
	}
	export class Score {
	    points: number;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Score(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.points = source["points"];
	        this.note = source["note"];
	    }
	}
	export class ScoreReview {
	    id: string;
	    verified: {[key: string]: Score};
	    comment: string;
	    approved: boolean;
	    approvedAt: string;
	    approvedBy: string;
	    unlockReason: string;
	    unlockedAt: string;
	    unlockedBy: string;
	
	    static createFrom(source: any = {}) {
	        return new ScoreReview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.verified = this.convertValues(source["verified"], Score, true);
	        this.comment = source["comment"];
	        this.approved = source["approved"];
	        this.approvedAt = source["approvedAt"];
	        this.approvedBy = source["approvedBy"];
	        this.unlockReason = source["unlockReason"];
	        this.unlockedAt = source["unlockedAt"];
	        this.unlockedBy = source["unlockedBy"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Total {
	    base: number;
	    bonus: number;
	    penalty: number;
	    total: number;
	    grade: string;
	
	    static createFrom(source: any = {}) {
	        return new Total(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.base = source["base"];
	        this.bonus = source["bonus"];
	        this.penalty = source["penalty"];
	        this.total = source["total"];
	        this.grade = source["grade"];
	    }
	}
	export class ScoreSheet {
	    id: string;
	    unitId: string;
	    unitName: string;
	    unitKind: string;
	    communeId: string;
	    month: string;
	    criteriaSetId: string;
	    self: {[key: string]: Score};
	    selfNote: string;
	    submitted: boolean;
	    submittedAt: string;
	    submittedBy: string;
	    locked: boolean;
	    review?: ScoreReview;
	    status: string;
	    selfTotal: Total;
	    verifiedTotal?: Total;
	    set?: CriteriaSet;
	    syncState: string;
	
	    static createFrom(source: any = {}) {
	        return new ScoreSheet(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.unitId = source["unitId"];
	        this.unitName = source["unitName"];
	        this.unitKind = source["unitKind"];
	        this.communeId = source["communeId"];
	        this.month = source["month"];
	        this.criteriaSetId = source["criteriaSetId"];
	        this.self = this.convertValues(source["self"], Score, true);
	        this.selfNote = source["selfNote"];
	        this.submitted = source["submitted"];
	        this.submittedAt = source["submittedAt"];
	        this.submittedBy = source["submittedBy"];
	        this.locked = source["locked"];
	        this.review = this.convertValues(source["review"], ScoreReview);
	        this.status = source["status"];
	        this.selfTotal = this.convertValues(source["selfTotal"], Total);
	        this.verifiedTotal = this.convertValues(source["verifiedTotal"], Total);
	        this.set = this.convertValues(source["set"], CriteriaSet);
	        this.syncState = source["syncState"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ShareWarning {
	    rule: ShareRule;
	    count: number;
	    of: number;
	    allowed: number;
	    message: string;
	    messageEn: string;
	
	    static createFrom(source: any = {}) {
	        return new ShareWarning(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rule = this.convertValues(source["rule"], ShareRule);
	        this.count = source["count"];
	        this.of = source["of"];
	        this.allowed = source["allowed"];
	        this.message = source["message"];
	        this.messageEn = source["messageEn"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	export class Unit {
	    id: string;
	    parentId: string;
	    kind: string;
	    name: string;
	    communeId: string;
	    members: number;
	    probationary: number;
	    religious: number;
	    status: string;
	    mergedIntoId: string;
	    closedOn: string;
	    note: string;
	    syncState: string;
	    syncReason: string;
	
	    static createFrom(source: any = {}) {
	        return new Unit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.parentId = source["parentId"];
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.communeId = source["communeId"];
	        this.members = source["members"];
	        this.probationary = source["probationary"];
	        this.religious = source["religious"];
	        this.status = source["status"];
	        this.mergedIntoId = source["mergedIntoId"];
	        this.closedOn = source["closedOn"];
	        this.note = source["note"];
	        this.syncState = source["syncState"];
	        this.syncReason = source["syncReason"];
	    }
	}
	export class UnitYear {
	    unitId: string;
	    unitName: string;
	    year: number;
	    points: ChartPoint[];
	    thresholds: GradeThreshold[];
	    maxTotal: number;
	
	    static createFrom(source: any = {}) {
	        return new UnitYear(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.unitName = source["unitName"];
	        this.year = source["year"];
	        this.points = this.convertValues(source["points"], ChartPoint);
	        this.thresholds = this.convertValues(source["thresholds"], GradeThreshold);
	        this.maxTotal = source["maxTotal"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Visit {
	    id: string;
	    scheduleId: string;
	    cellId: string;
	    communeId: string;
	    officialId: string;
	    committeeId: string;
	    date: string;
	    status: string;
	    note: string;
	    letterYear: number;
	    letterSeq: number;
	    letterSymbol: string;
	    letterDate: string;
	    cellName?: string;
	    communeName?: string;
	    officialName?: string;
	    startTime?: string;
	    place?: string;
	    meetingDate?: string;
	    meetingStatus?: string;
	    meetingChanged?: boolean;
	    syncState: string;
	
	    static createFrom(source: any = {}) {
	        return new Visit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.scheduleId = source["scheduleId"];
	        this.cellId = source["cellId"];
	        this.communeId = source["communeId"];
	        this.officialId = source["officialId"];
	        this.committeeId = source["committeeId"];
	        this.date = source["date"];
	        this.status = source["status"];
	        this.note = source["note"];
	        this.letterYear = source["letterYear"];
	        this.letterSeq = source["letterSeq"];
	        this.letterSymbol = source["letterSymbol"];
	        this.letterDate = source["letterDate"];
	        this.cellName = source["cellName"];
	        this.communeName = source["communeName"];
	        this.officialName = source["officialName"];
	        this.startTime = source["startTime"];
	        this.place = source["place"];
	        this.meetingDate = source["meetingDate"];
	        this.meetingStatus = source["meetingStatus"];
	        this.meetingChanged = source["meetingChanged"];
	        this.syncState = source["syncState"];
	    }
	}
	export class VisitClash {
	    scheduleId: string;
	    date: string;
	    cellName: string;
	    communeName: string;
	    officialNames: string[];
	
	    static createFrom(source: any = {}) {
	        return new VisitClash(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scheduleId = source["scheduleId"];
	        this.date = source["date"];
	        this.cellName = source["cellName"];
	        this.communeName = source["communeName"];
	        this.officialNames = source["officialNames"];
	    }
	}
	export class VisitRelease {
	    id: string;
	    reportId: string;
	    cellId: string;
	    communeId: string;
	    date: string;
	    officialName: string;
	    feedback: string;
	    assessment: string;
	    cellName?: string;
	    syncState: string;
	
	    static createFrom(source: any = {}) {
	        return new VisitRelease(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.reportId = source["reportId"];
	        this.cellId = source["cellId"];
	        this.communeId = source["communeId"];
	        this.date = source["date"];
	        this.officialName = source["officialName"];
	        this.feedback = source["feedback"];
	        this.assessment = source["assessment"];
	        this.cellName = source["cellName"];
	        this.syncState = source["syncState"];
	    }
	}
	export class YearSuggestion {
	    grade: string;
	    mean: number;
	    lowest: number;
	    months: number;
	    reason: string;
	    conditions?: string[];
	    openShortcomings?: number;
	
	    static createFrom(source: any = {}) {
	        return new YearSuggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.grade = source["grade"];
	        this.mean = source["mean"];
	        this.lowest = source["lowest"];
	        this.months = source["months"];
	        this.reason = source["reason"];
	        this.conditions = source["conditions"];
	        this.openShortcomings = source["openShortcomings"];
	    }
	}
	export class YearClassification {
	    id: string;
	    unitId: string;
	    unitName: string;
	    unitKind: string;
	    communeId: string;
	    year: number;
	    suggestion: YearSuggestion;
	    override: string;
	    overrideReason: string;
	    overriddenBy: string;
	    overriddenAt: string;
	    final: string;
	    syncState: string;
	
	    static createFrom(source: any = {}) {
	        return new YearClassification(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.unitId = source["unitId"];
	        this.unitName = source["unitName"];
	        this.unitKind = source["unitKind"];
	        this.communeId = source["communeId"];
	        this.year = source["year"];
	        this.suggestion = this.convertValues(source["suggestion"], YearSuggestion);
	        this.override = source["override"];
	        this.overrideReason = source["overrideReason"];
	        this.overriddenBy = source["overriddenBy"];
	        this.overriddenAt = source["overriddenAt"];
	        this.final = source["final"];
	        this.syncState = source["syncState"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class YearReport {
	    year: number;
	    rows: YearClassification[];
	    counts: {[key: string]: number};
	    warnings: ShareWarning[];
	
	    static createFrom(source: any = {}) {
	        return new YearReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.rows = this.convertValues(source["rows"], YearClassification);
	        this.counts = source["counts"];
	        this.warnings = this.convertValues(source["warnings"], ShareWarning);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace main {
	
	export class DialogueYear {
	    communes: store.DialogueStat[];
	    held: number;
	
	    static createFrom(source: any = {}) {
	        return new DialogueYear(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.communes = this.convertValues(source["communes"], store.DialogueStat);
	        this.held = source["held"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PaperTemplate {
	    kind: string;
	    name: string;
	    placeholders: string[];
	    known: string[];
	
	    static createFrom(source: any = {}) {
	        return new PaperTemplate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.placeholders = source["placeholders"];
	        this.known = source["known"];
	    }
	}
	export class Status {
	    dbPath: string;
	    deviceId: string;
	    empty: boolean;
	    language: string;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dbPath = source["dbPath"];
	        this.deviceId = source["deviceId"];
	        this.empty = source["empty"];
	        this.language = source["language"];
	    }
	}

}

export namespace session {
	
	export class Account {
	    userId: string;
	    username: string;
	    displayName: string;
	    role: string;
	    areaId?: string;
	    communeId?: string;
	    committeeId?: string;
	    grants?: syncproto.Account[];
	    serverUrl: string;
	    enrolledAt: string;
	    lastLoginAt: string;
	    verifier: string;
	    keySalt: string;
	    sealedToken: string;
	
	    static createFrom(source: any = {}) {
	        return new Account(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.userId = source["userId"];
	        this.username = source["username"];
	        this.displayName = source["displayName"];
	        this.role = source["role"];
	        this.areaId = source["areaId"];
	        this.communeId = source["communeId"];
	        this.committeeId = source["committeeId"];
	        this.grants = this.convertValues(source["grants"], syncproto.Account);
	        this.serverUrl = source["serverUrl"];
	        this.enrolledAt = source["enrolledAt"];
	        this.lastLoginAt = source["lastLoginAt"];
	        this.verifier = source["verifier"];
	        this.keySalt = source["keySalt"];
	        this.sealedToken = source["sealedToken"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace store {
	
	export class AuditEntry {
	    id: string;
	    unitId: string;
	    action: string;
	    reason: string;
	    detail: string;
	    by: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new AuditEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.unitId = source["unitId"];
	        this.action = source["action"];
	        this.reason = source["reason"];
	        this.detail = source["detail"];
	        this.by = source["by"];
	        this.at = source["at"];
	    }
	}
	export class BriefingDirection {
	    communeId: string;
	    content: string;
	    owner: string;
	    deadline: string;
	
	    static createFrom(source: any = {}) {
	        return new BriefingDirection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.communeId = source["communeId"];
	        this.content = source["content"];
	        this.owner = source["owner"];
	        this.deadline = source["deadline"];
	    }
	}
	export class CommuneMerger {
	    name: string;
	    kind: string;
	    sources: string[];
	    underId: string;
	    communeId?: string;
	    committeeId?: string;
	    profile: domain.CommitteeProfile;
	
	    static createFrom(source: any = {}) {
	        return new CommuneMerger(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.sources = source["sources"];
	        this.underId = source["underId"];
	        this.communeId = source["communeId"];
	        this.committeeId = source["committeeId"];
	        this.profile = this.convertValues(source["profile"], domain.CommitteeProfile);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ScheduleItem {
	    schedule: domain.Schedule;
	    planners: string[];
	    visitedThisYear: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ScheduleItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.schedule = this.convertValues(source["schedule"], domain.Schedule);
	        this.planners = source["planners"];
	        this.visitedThisYear = source["visitedThisYear"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CommunePage {
	    commune: domain.Commune;
	    units: domain.Unit[];
	    schedules: ScheduleItem[];
	    reports: domain.ReportSummary[];
	    releases: domain.VisitRelease[];
	    scores: domain.MonthRow[];
	    matters: domain.Matter[];
	    notices: domain.Notice[];
	
	    static createFrom(source: any = {}) {
	        return new CommunePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.commune = this.convertValues(source["commune"], domain.Commune);
	        this.units = this.convertValues(source["units"], domain.Unit);
	        this.schedules = this.convertValues(source["schedules"], ScheduleItem);
	        this.reports = this.convertValues(source["reports"], domain.ReportSummary);
	        this.releases = this.convertValues(source["releases"], domain.VisitRelease);
	        this.scores = this.convertValues(source["scores"], domain.MonthRow);
	        this.matters = this.convertValues(source["matters"], domain.Matter);
	        this.notices = this.convertValues(source["notices"], domain.Notice);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DialogueIssue {
	    topic: string;
	    content: string;
	    raisedBy: string;
	    answer: string;
	    forwardedTo: string;
	    deadline: string;
	
	    static createFrom(source: any = {}) {
	        return new DialogueIssue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.topic = source["topic"];
	        this.content = source["content"];
	        this.raisedBy = source["raisedBy"];
	        this.answer = source["answer"];
	        this.forwardedTo = source["forwardedTo"];
	        this.deadline = source["deadline"];
	    }
	}
	export class DialogueStat {
	    communeId: string;
	    communeName: string;
	    dialogues: number;
	    receptions: number;
	    issues: number;
	    open: number;
	    shortMonths: string[];
	
	    static createFrom(source: any = {}) {
	        return new DialogueStat(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.communeId = source["communeId"];
	        this.communeName = source["communeName"];
	        this.dialogues = source["dialogues"];
	        this.receptions = source["receptions"];
	        this.issues = source["issues"];
	        this.open = source["open"];
	        this.shortMonths = source["shortMonths"];
	    }
	}
	export class GridRow {
	    cellId: string;
	    cellName: string;
	    parentName: string;
	    communeId: string;
	    members: number;
	    schedules: domain.Schedule[];
	
	    static createFrom(source: any = {}) {
	        return new GridRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.cellId = source["cellId"];
	        this.cellName = source["cellName"];
	        this.parentName = source["parentName"];
	        this.communeId = source["communeId"];
	        this.members = source["members"];
	        this.schedules = this.convertValues(source["schedules"], domain.Schedule);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LetterClash {
	    number: string;
	    visitIds: string[];
	
	    static createFrom(source: any = {}) {
	        return new LetterClash(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.number = source["number"];
	        this.visitIds = source["visitIds"];
	    }
	}
	export class LetterSettings {
	    issuer: boolean;
	    byAccount: boolean;
	    symbol: string;
	    header: domain.DocumentHeader;
	
	    static createFrom(source: any = {}) {
	        return new LetterSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.issuer = source["issuer"];
	        this.byAccount = source["byAccount"];
	        this.symbol = source["symbol"];
	        this.header = this.convertValues(source["header"], domain.DocumentHeader);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MatterFilter {
	    source: string;
	    unitId: string;
	    communeId: string;
	    state: string;
	    topic: string;
	    year: number;
	    overdueOnly: boolean;
	    dialogueId: string;
	
	    static createFrom(source: any = {}) {
	        return new MatterFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = source["source"];
	        this.unitId = source["unitId"];
	        this.communeId = source["communeId"];
	        this.state = source["state"];
	        this.topic = source["topic"];
	        this.year = source["year"];
	        this.overdueOnly = source["overdueOnly"];
	        this.dialogueId = source["dialogueId"];
	    }
	}
	export class MergeResult {
	    communeId: string;
	    committeeId: string;
	    moved: {[key: string]: number};
	
	    static createFrom(source: any = {}) {
	        return new MergeResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.communeId = source["communeId"];
	        this.committeeId = source["committeeId"];
	        this.moved = source["moved"];
	    }
	}
	export class MonthGrid {
	    month: string;
	    communeId: string;
	    rows: GridRow[];
	    coverage: domain.Coverage;
	
	    static createFrom(source: any = {}) {
	        return new MonthGrid(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.communeId = source["communeId"];
	        this.rows = this.convertValues(source["rows"], GridRow);
	        this.coverage = this.convertValues(source["coverage"], domain.Coverage);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PlanResult {
	    visit: domain.Visit;
	    alsoPlanned: string[];
	
	    static createFrom(source: any = {}) {
	        return new PlanResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.visit = this.convertValues(source["visit"], domain.Visit);
	        this.alsoPlanned = source["alsoPlanned"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RefusedChange {
	    seq: number;
	    changeId: string;
	    kind: string;
	    recordId: string;
	    op: string;
	    fields: number[];
	    code: string;
	    reason: string;
	    reasonEn: string;
	    createdAt: string;
	    answeredAt: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new RefusedChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.changeId = source["changeId"];
	        this.kind = source["kind"];
	        this.recordId = source["recordId"];
	        this.op = source["op"];
	        this.fields = source["fields"];
	        this.code = source["code"];
	        this.reason = source["reason"];
	        this.reasonEn = source["reasonEn"];
	        this.createdAt = source["createdAt"];
	        this.answeredAt = source["answeredAt"];
	        this.label = source["label"];
	    }
	}
	export class RemediationFilter {
	    unitId: string;
	    noticeId: string;
	    openOnly: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RemediationFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.unitId = source["unitId"];
	        this.noticeId = source["noticeId"];
	        this.openOnly = source["openOnly"];
	    }
	}
	export class ReportForm {
	    draft: domain.ReportDraft;
	    template: domain.ReportTemplate;
	    visit: domain.Visit;
	    saved: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ReportForm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.draft = this.convertValues(source["draft"], domain.ReportDraft);
	        this.template = this.convertValues(source["template"], domain.ReportTemplate);
	        this.visit = this.convertValues(source["visit"], domain.Visit);
	        this.saved = source["saved"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Round {
	    overview: domain.RoundOverview;
	    missing: domain.Visit[];
	    conference?: domain.Conference;
	    notices: domain.Notice[];
	
	    static createFrom(source: any = {}) {
	        return new Round(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.overview = this.convertValues(source["overview"], domain.RoundOverview);
	        this.missing = this.convertValues(source["missing"], domain.Visit);
	        this.conference = this.convertValues(source["conference"], domain.Conference);
	        this.notices = this.convertValues(source["notices"], domain.Notice);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RoundState {
	    month: string;
	    planned: number;
	    reported: number;
	    conference: boolean;
	    noticesIssued: number;
	    drafts: number;
	    items: number;
	    remedied: number;
	
	    static createFrom(source: any = {}) {
	        return new RoundState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.planned = source["planned"];
	        this.reported = source["reported"];
	        this.conference = source["conference"];
	        this.noticesIssued = source["noticesIssued"];
	        this.drafts = source["drafts"];
	        this.items = source["items"];
	        this.remedied = source["remedied"];
	    }
	}
	export class ScheduleFilter {
	    from: string;
	    to: string;
	    communeId: string;
	    notVisitedThisYear: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ScheduleFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.communeId = source["communeId"];
	        this.notVisitedThisYear = source["notVisitedThisYear"];
	    }
	}
	
	export class Stats {
	    communes: number;
	    grassroots_committees: number;
	    grassroots_cells: number;
	    subordinate_cells: number;
	    members: number;
	    probationary_members: number;
	    religious_members: number;
	    district_cadres: number;
	    standing_board: number;
	    standing_committee: number;
	    district_committee: number;
	    org_board: number;
	    commune_offices: number;
	    areas: number;
	    clusters: number;
	    units: number;
	
	    static createFrom(source: any = {}) {
	        return new Stats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.communes = source["communes"];
	        this.grassroots_committees = source["grassroots_committees"];
	        this.grassroots_cells = source["grassroots_cells"];
	        this.subordinate_cells = source["subordinate_cells"];
	        this.members = source["members"];
	        this.probationary_members = source["probationary_members"];
	        this.religious_members = source["religious_members"];
	        this.district_cadres = source["district_cadres"];
	        this.standing_board = source["standing_board"];
	        this.standing_committee = source["standing_committee"];
	        this.district_committee = source["district_committee"];
	        this.org_board = source["org_board"];
	        this.commune_offices = source["commune_offices"];
	        this.areas = source["areas"];
	        this.clusters = source["clusters"];
	        this.units = source["units"];
	    }
	}
	export class UnitHit {
	    id: string;
	    parentId: string;
	    kind: string;
	    name: string;
	    communeId: string;
	    members: number;
	    probationary: number;
	    religious: number;
	    status: string;
	    mergedIntoId: string;
	    closedOn: string;
	    note: string;
	    syncState: string;
	    syncReason: string;
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new UnitHit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.parentId = source["parentId"];
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.communeId = source["communeId"];
	        this.members = source["members"];
	        this.probationary = source["probationary"];
	        this.religious = source["religious"];
	        this.status = source["status"];
	        this.mergedIntoId = source["mergedIntoId"];
	        this.closedOn = source["closedOn"];
	        this.note = source["note"];
	        this.syncState = source["syncState"];
	        this.syncReason = source["syncReason"];
	        this.path = source["path"];
	    }
	}
	export class VisitFilter {
	    month: string;
	    officialId: string;
	    communeId: string;
	
	    static createFrom(source: any = {}) {
	        return new VisitFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.officialId = source["officialId"];
	        this.communeId = source["communeId"];
	    }
	}
	export class VisitHit {
	    visit: domain.Visit;
	    reportId: string;
	    quality: string;
	    snippet: string;
	
	    static createFrom(source: any = {}) {
	        return new VisitHit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.visit = this.convertValues(source["visit"], domain.Visit);
	        this.reportId = source["reportId"];
	        this.quality = source["quality"];
	        this.snippet = source["snippet"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace syncproto {
	
	export class Account {
	    userId: string;
	    username: string;
	    displayName: string;
	    role: string;
	    areaId?: string;
	    communeId?: string;
	    committeeId?: string;
	    grants?: Account[];
	
	    static createFrom(source: any = {}) {
	        return new Account(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.userId = source["userId"];
	        this.username = source["username"];
	        this.displayName = source["displayName"];
	        this.role = source["role"];
	        this.areaId = source["areaId"];
	        this.communeId = source["communeId"];
	        this.committeeId = source["committeeId"];
	        this.grants = this.convertValues(source["grants"], Account);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

