package serverstore

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/google/uuid"

	"chibo/backend/access"
	"chibo/backend/passwd"
)

// User is an account. PasswordHash never leaves this package's callers' process.
type User struct {
	ID          string `json:"id"`
	Username    string `json:"username"`
	DisplayName string `json:"displayName"`
	Role        string `json:"role"`
	AreaID      string `json:"areaId,omitempty"`
	CommuneID   string `json:"communeId,omitempty"`
	// CommitteeID is the commune committee (a unit) the role is held in; "" = the top
	// committee (the province, or the former district).
	CommitteeID string `json:"committeeId,omitempty"`
	// Grants are roles the account holds besides its own, at another level.
	Grants    []Grant `json:"grants,omitempty"`
	Disabled  bool    `json:"disabled"`
	CreatedAt string  `json:"createdAt"`
}

// Grant is one more role of an account: role, committee and assignment as in User.
type Grant struct {
	Role        string `json:"role"`
	CommitteeID string `json:"committeeId,omitempty"`
	AreaID      string `json:"areaId,omitempty"`
	CommuneID   string `json:"communeId,omitempty"`
}

// Scope is the user's access, computed from the account alone: its role, and the union
// with its grants when it has any.
func (u User) Scope() access.Scoper {
	own := access.Scope{Role: u.Role, CommitteeID: u.CommitteeID, AreaID: u.AreaID, CommuneID: u.CommuneID}
	if len(u.Grants) == 0 {
		return own
	}
	g := access.Grants{own}
	for _, x := range u.Grants {
		g = append(g, access.Scope{Role: x.Role, CommitteeID: x.CommitteeID, AreaID: x.AreaID, CommuneID: x.CommuneID})
	}
	return g
}

// loadGrants fills u.Grants.
func loadGrants(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, u *User) error {
	rows, err := q.QueryContext(ctx, `SELECT role, committee_id, area_id, commune_id FROM user_grants WHERE user_id = ? ORDER BY role, committee_id, commune_id`, u.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	u.Grants = nil
	for rows.Next() {
		var g Grant
		if err := rows.Scan(&g.Role, &g.CommitteeID, &g.AreaID, &g.CommuneID); err != nil {
			return err
		}
		u.Grants = append(u.Grants, g)
	}
	return rows.Err()
}

// AddGrant gives the account u.Username one more role (u's role, committee and
// assignment), at another level than its own. Its desktops resync the wider scope.
// Errors: ErrNotFound, ErrInvalidInput.
func (s *Store) AddGrant(ctx context.Context, u User) error {
	if err := checkUser(u); err != nil {
		return err
	}
	return s.write(ctx, func(tx *dbTx) error {
		if err := committeeCommune(tx, &u); err != nil {
			return err
		}
		var id string
		if err := tx.QueryRow(`SELECT id FROM users WHERE `+s.d.usernameIs("username"), u.Username).Scan(&id); err == sql.ErrNoRows {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		_, err := tx.Exec(`INSERT INTO user_grants(user_id, role, committee_id, area_id, commune_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			id, u.Role, u.CommitteeID, u.AreaID, u.CommuneID)
		return err
	})
}

// ClearGrants removes every grant of an account. Errors: ErrNotFound.
func (s *Store) ClearGrants(ctx context.Context, username string) error {
	return s.write(ctx, func(tx *dbTx) error {
		var id string
		if err := tx.QueryRow(`SELECT id FROM users WHERE `+s.d.usernameIs("username"), username).Scan(&id); err == sql.ErrNoRows {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		_, err := tx.Exec(`DELETE FROM user_grants WHERE user_id = ?`, id)
		return err
	})
}

// Device is an enrolled client database.
type Device struct {
	ID         string `json:"id"`
	UserID     string `json:"userId"`
	Username   string `json:"username"`
	Name       string `json:"name"`
	LastSeq    int64  `json:"lastSeq"`
	CreatedAt  string `json:"createdAt"`
	LastSeenAt string `json:"lastSeenAt"`
	RevokedAt  string `json:"revokedAt,omitempty"`
}

// Errors of the account functions.
var (
	ErrNotFound     = errors.New("not found")
	ErrExists       = errors.New("already exists")
	ErrBadLogin     = errors.New("wrong username or password")
	ErrRevoked      = errors.New("device revoked or unknown token")
	ErrDeviceTaken  = errors.New("device id enrolled by another user")
	ErrInvalidInput = errors.New("invalid input")
)

// PasswordParams are the argon2id costs of new password hashes (tests lower them).
var PasswordParams = passwd.Default

// dummyHash is verified against when a username does not exist, so that a guesser cannot
// tell unknown usernames from wrong passwords by the time a login takes.
var dummyHash = sync.OnceValue(func() string {
	h, _ := passwd.Hash("dummy password", PasswordParams)
	return h
})

// AddUser creates an account. Errors: ErrExists, ErrInvalidInput.
func (s *Store) AddUser(ctx context.Context, u User, password string) (User, error) {
	u.Username = strings.TrimSpace(u.Username)
	if err := checkUser(u); err != nil {
		return u, err
	}
	if len(password) < 8 {
		return u, fmt.Errorf("%w: the password must have at least 8 characters", ErrInvalidInput)
	}
	hash, err := passwd.Hash(password, PasswordParams)
	if err != nil {
		return u, err
	}
	if u.ID == "" {
		u.ID = uuid.Must(uuid.NewV7()).String()
	}
	u.CreatedAt = nowText(s.now())
	err = s.write(ctx, func(tx *dbTx) error {
		if err := committeeCommune(tx, &u); err != nil {
			return err
		}
		_, err := tx.Exec(`INSERT INTO users(id, username, display_name, role, area_id, commune_id, committee_id, password_hash, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, u.ID, u.Username, u.DisplayName, u.Role, u.AreaID, u.CommuneID, u.CommitteeID, hash, u.CreatedAt, u.CreatedAt)
		if s.d.unique(err) {
			return fmt.Errorf("%w: user %q", ErrExists, u.Username)
		}
		return err
	})
	return u, err
}

// committeeCommune binds a role held in a commune committee to that committee's commune:
// the committee must be a committee the server holds, bound to a commune (the top
// committee's roles name no committee).
func committeeCommune(tx *dbTx, u *User) error {
	if u.CommitteeID == "" {
		return nil
	}
	var fields string
	err := tx.QueryRow(`SELECT fields FROM records WHERE kind = 'unit' AND id = ? AND deleted = 0`, u.CommitteeID).Scan(&fields)
	if err == sql.ErrNoRows {
		return fmt.Errorf("%w: committee %q is not a unit this server holds (import or sync the tree first)", ErrInvalidInput, u.CommitteeID)
	} else if err != nil {
		return err
	}
	var unit struct{ Kind, CommuneID string }
	json.Unmarshal([]byte(fields), &unit)
	if unit.Kind != "supervising_committee" && unit.Kind != "grassroots_committee" {
		return fmt.Errorf("%w: unit %q is not a committee", ErrInvalidInput, u.CommitteeID)
	}
	if unit.CommuneID == "" {
		return fmt.Errorf("%w: unit %q is the top committee or one of its agencies: give no committee for its roles", ErrInvalidInput, u.CommitteeID)
	}
	if u.CommuneID != "" && u.CommuneID != unit.CommuneID {
		return fmt.Errorf("%w: committee %q belongs to commune %q, not %q", ErrInvalidInput, u.CommitteeID, unit.CommuneID, u.CommuneID)
	}
	if u.AreaID != "" {
		return fmt.Errorf("%w: a commune committee's roles have no area", ErrInvalidInput)
	}
	u.CommuneID = unit.CommuneID
	return nil
}

func checkUser(u User) error {
	switch {
	case u.Username == "" || len(u.Username) > 100 || strings.ContainsAny(u.Username, " \t\r\n"):
		return fmt.Errorf("%w: the username must be 1–100 characters without spaces", ErrInvalidInput)
	case !access.ValidRole(u.Role):
		return fmt.Errorf("%w: unknown role %q (one of %s)", ErrInvalidInput, u.Role, strings.Join(access.Roles, ", "))
	case u.CommitteeID != "":
		return nil // the committee gives the commune
	case access.NeedsArea(u.Role) && u.AreaID == "":
		return fmt.Errorf("%w: role %s needs an area", ErrInvalidInput, u.Role)
	case access.NeedsCommune(u.Role) && u.CommuneID == "":
		return fmt.Errorf("%w: role %s needs a commune", ErrInvalidInput, u.Role)
	}
	return nil
}

const userCols = `id, username, display_name, role, area_id, commune_id, committee_id, disabled, created_at`

func scanUser(sc interface{ Scan(...any) error }) (User, error) {
	var u User
	err := sc.Scan(&u.ID, &u.Username, &u.DisplayName, &u.Role, &u.AreaID, &u.CommuneID, &u.CommitteeID, &u.Disabled, &u.CreatedAt)
	if err == sql.ErrNoRows {
		return u, ErrNotFound
	}
	return u, err
}

// ListUsers returns every account by username.
func (s *Store) ListUsers(ctx context.Context) ([]User, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+userCols+` FROM users ORDER BY username`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var us []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		us = append(us, u)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for i := range us {
		if err := loadGrants(ctx, s.r, &us[i]); err != nil {
			return nil, err
		}
	}
	return us, nil
}

// UserByName returns one account. Errors: ErrNotFound.
func (s *Store) UserByName(ctx context.Context, username string) (User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE `+s.d.usernameIs("username"), username))
	if err == nil {
		err = loadGrants(ctx, s.r, &u)
	}
	return u, err
}

// SetDisabled disables or enables an account; a disabled account's devices stop syncing
// at once. Errors: ErrNotFound.
func (s *Store) SetDisabled(ctx context.Context, username string, disabled bool) error {
	return s.write(ctx, func(tx *dbTx) error {
		res, err := tx.Exec(`UPDATE users SET disabled = ?, updated_at = ? WHERE `+s.d.usernameIs("username"), disabled, nowText(s.now()), username)
		if err := affected(res, err); err != nil || !disabled {
			return err
		}
		return s.revokeAll(tx, username)
	})
}

// revokeAll ends every token of an account: after a password change or a disable, each
// of its desktops must sign in again (enabling the account again does not bring them back).
// The rows are locked in id order first, the order TouchDevices writes in: two
// transactions taking the same devices in different orders deadlock on PostgreSQL.
func (s *Store) revokeAll(tx *dbTx, username string) error {
	owner := `(SELECT id FROM users WHERE ` + s.d.usernameIs("username") + `)`
	rows, err := tx.Query(`SELECT id FROM devices WHERE user_id = `+owner+` ORDER BY id`+s.d.forUpdate(), username)
	if err != nil {
		return err
	}
	if err := rows.Close(); err != nil {
		return err
	}
	_, err = tx.Exec(`UPDATE devices SET revoked_at = ? WHERE revoked_at = '' AND user_id = `+owner, nowText(s.now()), username)
	return err
}

// SetPassword replaces an account's password. Errors: ErrNotFound, ErrInvalidInput.
func (s *Store) SetPassword(ctx context.Context, username, password string) error {
	if len(password) < 8 {
		return fmt.Errorf("%w: the password must have at least 8 characters", ErrInvalidInput)
	}
	hash, err := passwd.Hash(password, PasswordParams)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *dbTx) error {
		res, err := tx.Exec(`UPDATE users SET password_hash = ?, updated_at = ? WHERE `+s.d.usernameIs("username"), hash, nowText(s.now()), username)
		if err := affected(res, err); err != nil {
			return err
		}
		return s.revokeAll(tx, username)
	})
}

// Assign gives an account another role or assignment (u.Username names it). Its devices'
// cursors no longer match the new scope's fingerprint, so each resyncs from zero at its
// next pull and removes what it may no longer see. Errors: ErrNotFound, ErrInvalidInput.
func (s *Store) Assign(ctx context.Context, u User) error {
	if err := checkUser(u); err != nil {
		return err
	}
	return s.write(ctx, func(tx *dbTx) error {
		if err := committeeCommune(tx, &u); err != nil {
			return err
		}
		res, err := tx.Exec(`UPDATE users SET role = ?, area_id = ?, commune_id = ?, committee_id = ?, updated_at = ? WHERE `+s.d.usernameIs("username"),
			u.Role, u.AreaID, u.CommuneID, u.CommitteeID, nowText(s.now()), u.Username)
		return affected(res, err)
	})
}

// followMerger gives the accounts bound to a commune that was merged (its office, the
// top committee's members and cadres in charge of it) the commune it became part of, in
// the transaction that records the merger. Their scope's fingerprint changes, so their
// desktops resync the new commune's records and remove what they no longer see.
func (s *Store) followMerger(tx *txn, communeID, into string) error {
	_, err := tx.Exec(`UPDATE users SET commune_id = ?, updated_at = ? WHERE commune_id = ? AND committee_id = ''`, into, nowText(s.now()), communeID)
	return err
}

func affected(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Authenticate checks a username and password. Errors: ErrBadLogin (also for a disabled
// or unknown account: the caller cannot tell which).
func (s *Store) Authenticate(ctx context.Context, username, password string) (User, error) {
	var hash string
	row := s.r.QueryRowContext(ctx, `SELECT `+userCols+`, password_hash FROM users WHERE `+s.d.usernameIs("username"), username)
	var u User
	err := row.Scan(&u.ID, &u.Username, &u.DisplayName, &u.Role, &u.AreaID, &u.CommuneID, &u.CommitteeID, &u.Disabled, &u.CreatedAt, &hash)
	if err == sql.ErrNoRows {
		passwd.Verify(password, dummyHash())
		return User{}, ErrBadLogin
	} else if err != nil {
		return User{}, err
	}
	if err := passwd.Verify(password, hash); err != nil || u.Disabled {
		return User{}, ErrBadLogin
	}
	return u, loadGrants(ctx, s.r, &u)
}

// HashToken is how a device token is stored: a token is 256 random bits, so a fast hash
// suffices (there is nothing to guess), and a stolen database holds no usable token.
func HashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// Enroll binds deviceID to user and issues a new token for it, replacing any earlier
// token of that device (re-enrolling a revoked device with the password un-revokes it).
// The device keeps its last seq, so its change log continues. Errors: ErrDeviceTaken.
func (s *Store) Enroll(ctx context.Context, u User, deviceID, name string) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	token := base64.RawURLEncoding.EncodeToString(b)
	now := nowText(s.now())
	// One statement, so two sign-ins of a new device at once cannot both insert it (on
	// PostgreSQL the second would fail on the key); zero rows means another account owns it.
	err := s.write(ctx, func(tx *dbTx) error {
		res, err := tx.Exec(`INSERT INTO devices(id, user_id, name, token_hash, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT(id) DO UPDATE SET token_hash = excluded.token_hash, name = excluded.name, revoked_at = '', last_seen_at = excluded.last_seen_at
			WHERE devices.user_id = excluded.user_id`,
			deviceID, u.ID, name, HashToken(token), now, now)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return ErrDeviceTaken
		}
		return nil
	})
	return token, err
}

// DeviceByToken returns the device and user a token belongs to. Errors: ErrRevoked for an
// unknown or revoked token or a disabled account.
func (s *Store) DeviceByToken(ctx context.Context, token string) (Device, User, error) {
	var d Device
	row := s.r.QueryRowContext(ctx, `SELECT d.id, d.user_id, d.name, d.last_seq, d.created_at, d.last_seen_at, d.revoked_at, `+
		`u.id, u.username, u.display_name, u.role, u.area_id, u.commune_id, u.committee_id, u.disabled, u.created_at,
		(SELECT count(*) FROM user_grants g WHERE g.user_id = u.id)
		FROM devices d JOIN users u ON u.id = d.user_id WHERE d.token_hash = ?`, HashToken(token))
	var u User
	var grants int
	err := row.Scan(&d.ID, &d.UserID, &d.Name, &d.LastSeq, &d.CreatedAt, &d.LastSeenAt, &d.RevokedAt,
		&u.ID, &u.Username, &u.DisplayName, &u.Role, &u.AreaID, &u.CommuneID, &u.CommitteeID, &u.Disabled, &u.CreatedAt, &grants)
	if err == sql.ErrNoRows || (err == nil && (d.RevokedAt != "" || u.Disabled)) {
		return Device{}, User{}, ErrRevoked
	}
	d.Username = u.Username
	if err == nil && grants > 0 { // every request asks: spare most of them a second query
		err = loadGrants(ctx, s.r, &u)
	}
	return d, u, err
}

// TouchDevices records that devices were seen now, in one transaction.
func (s *Store) TouchDevices(ctx context.Context, ids []string) error {
	ids = slices.Sorted(slices.Values(ids)) // one order for every process: no deadlock on PostgreSQL
	return s.write(ctx, func(tx *dbTx) error {
		now := nowText(s.now())
		for _, id := range ids {
			if _, err := tx.Exec(`UPDATE devices SET last_seen_at = ? WHERE id = ?`, now, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// TouchDevice records that a device was seen now.
func (s *Store) TouchDevice(ctx context.Context, deviceID string) error {
	return s.write(ctx, func(tx *dbTx) error {
		_, err := tx.Exec(`UPDATE devices SET last_seen_at = ? WHERE id = ?`, nowText(s.now()), deviceID)
		return err
	})
}

// ListDevices returns every device, or one user's when username is not empty.
func (s *Store) ListDevices(ctx context.Context, username string) ([]Device, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT d.id, d.user_id, u.username, d.name, d.last_seq, d.created_at, d.last_seen_at, d.revoked_at
		FROM devices d JOIN users u ON u.id = d.user_id WHERE ? = '' OR `+s.d.usernameIs("u.username")+` ORDER BY u.username, d.created_at`, username, username)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ds []Device
	for rows.Next() {
		var d Device
		if err := rows.Scan(&d.ID, &d.UserID, &d.Username, &d.Name, &d.LastSeq, &d.CreatedAt, &d.LastSeenAt, &d.RevokedAt); err != nil {
			return nil, err
		}
		ds = append(ds, d)
	}
	return ds, rows.Err()
}

// RevokeDevice makes a device's token useless at once. Errors: ErrNotFound.
func (s *Store) RevokeDevice(ctx context.Context, deviceID string) error {
	return s.write(ctx, func(tx *dbTx) error {
		res, err := tx.Exec(`UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at = ''`, nowText(s.now()), deviceID)
		return affected(res, err)
	})
}
