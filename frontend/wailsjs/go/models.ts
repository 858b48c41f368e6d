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
	export class Commune {
	    id: string;
	    name: string;
	    kind: string;
	    areaId: string;
	    clusterId: string;
	    status: string;
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
	        this.syncState = source["syncState"];
	    }
	}
	export class Official {
	    id: string;
	    name: string;
	    title: string;
	    role: string;
	    areaId: string;
	    communeId: string;
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
	        this.active = source["active"];
	        this.syncState = source["syncState"];
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

}

export namespace main {
	
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

export namespace store {
	
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

}

