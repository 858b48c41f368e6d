// Package session lets several people share one desktop. Each signed-in user gets their
// own local database next to the base one (<dir>/users/<userId>.db), so a commune office
// user can never read what a district user pulled on the same machine, and signing out or
// switching user never deletes anyone's unsynced work: it only closes a file.
//
// The first sign-in of a user on a desktop is online: the server checks the password and
// enrolls the user's database as a device. The desktop then keeps an argon2id verifier of
// the password, and the device token sealed with a key derived from the password, so
// later sign-ins work offline and the token opens only for its owner.
package session

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"chibo/backend/passwd"
	"chibo/backend/store"
	"chibo/backend/syncclient"
	"chibo/backend/syncproto"
)

// Account is a user enrolled on this desktop, as the sign-in screen lists it.
type Account struct {
	UserID      string `json:"userId"`
	Username    string `json:"username"`
	DisplayName string `json:"displayName"`
	Role        string `json:"role"`
	AreaID      string `json:"areaId,omitempty"`
	CommuneID   string `json:"communeId,omitempty"`
	CommitteeID string `json:"committeeId,omitempty"`
	// Grants are the account's roles at other levels, as the server last said.
	Grants      []syncproto.Account `json:"grants,omitempty"`
	ServerURL   string              `json:"serverUrl"`
	EnrolledAt  string              `json:"enrolledAt"`
	LastLoginAt string              `json:"lastLoginAt"`

	Verifier    string `json:"verifier"`    // argon2id PHC string of the password
	KeySalt     string `json:"keySalt"`     // salt of the key that seals the token
	SealedToken string `json:"sealedToken"` // AES-GCM(nonce ‖ ciphertext) of the device token
}

// NumbersPapers reports whether the account numbers its committee's papers: its
// Standing Board does (access.Scope.NumbersPapers), in its own role or a grant held in
// the same committee.
func (a Account) NumbersPapers() bool {
	if a.Role == "standing_board" {
		return true
	}
	for _, g := range a.Grants {
		if g.Role == "standing_board" && g.CommitteeID == a.CommitteeID {
			return true
		}
	}
	return false
}

// public strips the secrets.
func (a Account) public() Account {
	a.Verifier, a.KeySalt, a.SealedToken = "", "", ""
	return a
}

// Errors.
var (
	ErrWrongPassword = errors.New("session: wrong username or password")
	ErrOffline       = errors.New("session: this user has never signed in on this desktop; connect to the server for the first sign-in")
)

// Manager keeps the accounts of one desktop.
type Manager struct {
	dir    string // <base dir>/users
	hc     syncclient.Doer
	Params passwd.Params // argon2id costs of verifiers and keys (tests lower them)

	mu sync.Mutex
}

// New returns the manager of the desktop whose base database is baseDB; hc is the HTTP
// client for online sign-ins and sync (nil: http.DefaultClient).
func New(baseDB string, hc syncclient.Doer) *Manager {
	return &Manager{dir: filepath.Join(filepath.Dir(baseDB), "users"), hc: hc, Params: passwd.Default}
}

// DBPath is the database file of a user.
func (m *Manager) DBPath(userID string) string { return filepath.Join(m.dir, userID+".db") }

func (m *Manager) indexPath() string { return filepath.Join(m.dir, "accounts.json") }

func (m *Manager) load() (map[string]Account, error) {
	b, err := os.ReadFile(m.indexPath())
	if errors.Is(err, os.ErrNotExist) {
		return map[string]Account{}, nil
	} else if err != nil {
		return nil, err
	}
	accts := map[string]Account{}
	if err := json.Unmarshal(b, &accts); err != nil {
		return nil, fmt.Errorf("session: %s: %w", m.indexPath(), err)
	}
	return accts, nil
}

// save writes the index atomically (write a temporary file, then rename), so a crash
// never leaves it half written.
func (m *Manager) save(accts map[string]Account) error {
	if err := os.MkdirAll(m.dir, 0o700); err != nil {
		return err
	}
	b, err := json.MarshalIndent(accts, "", "  ")
	if err != nil {
		return err
	}
	tmp := m.indexPath() + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, m.indexPath())
}

// Accounts lists the users enrolled on this desktop, without secrets, by username.
func (m *Manager) Accounts() ([]Account, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	accts, err := m.load()
	if err != nil {
		return nil, err
	}
	out := make([]Account, 0, len(accts))
	for _, a := range accts {
		out = append(out, a.public())
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Username < out[j].Username })
	return out, nil
}

func find(accts map[string]Account, username string) (Account, bool) {
	for _, a := range accts {
		if strings.EqualFold(a.Username, username) {
			return a, true
		}
	}
	return Account{}, false
}

// Session is one signed-in user: their own store and a sync client for it.
type Session struct {
	account Account
	st      *store.Store
	client  *syncclient.Client
}

// Account is the signed-in user (without secrets).
func (s *Session) Account() Account { return s.account.public() }

// Store is the user's own database.
func (s *Session) Store() *store.Store { return s.st }

// Client syncs the user's database with the server.
func (s *Session) Client() *syncclient.Client { return s.client }

// Close signs out: it closes the user's database and forgets the token in memory.
// Nothing is deleted; unsynced changes wait in the database for the next sign-in.
func (s *Session) Close() error { return s.st.Close() }

// Login signs username in. A user who signed in on this desktop before is checked
// against the local verifier, without the network. Otherwise, or when the local check
// fails (the password may have been changed on the server), the server at serverURL is
// asked; a first sign-in enrolls the user's own database as a device. Errors:
// ErrWrongPassword, ErrOffline (first sign-in without a server), or the server's
// *syncclient.StatusError.
func (m *Manager) Login(ctx context.Context, serverURL, username, password string) (*Session, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	accts, err := m.load()
	if err != nil {
		return nil, err
	}
	known, ok := find(accts, username)
	if ok && passwd.Verify(password, known.Verifier) == nil {
		token, err := open(known, password)
		if err != nil {
			return nil, err
		}
		known.LastLoginAt = now()
		accts[known.UserID] = known
		if err := m.save(accts); err != nil {
			return nil, err
		}
		if serverURL == "" {
			serverURL = known.ServerURL
		}
		return m.start(known, serverURL, token)
	}
	if serverURL == "" {
		if ok {
			return nil, ErrWrongPassword
		}
		return nil, ErrOffline
	}
	return m.enroll(ctx, accts, known, ok, serverURL, username, password)
}

func (m *Manager) enroll(ctx context.Context, accts map[string]Account, known Account, isKnown bool, serverURL, username, password string) (*Session, error) {
	// Enroll the database the user already has here, or a new one under a temporary
	// name, renamed to the user's id once the server has said who the user is.
	path := m.DBPath(known.UserID)
	if !isKnown {
		path = filepath.Join(m.dir, ".enroll-"+store.NewID()+".db")
	}
	st, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	host, _ := os.Hostname()
	resp, err := syncclient.Login(ctx, m.hc, serverURL, syncproto.LoginRequest{Username: username, Password: password, DeviceID: st.DeviceID(), DeviceName: host})
	if err != nil {
		st.Close()
		if !isKnown {
			removeDB(path)
		}
		if syncclient.IsUnauthorized(err) {
			return nil, ErrWrongPassword
		}
		return nil, err
	}
	if !isKnown {
		if !syncproto.ValidID(resp.Account.UserID) {
			st.Close()
			removeDB(path)
			return nil, fmt.Errorf("session: the server sent a bad user id %q", resp.Account.UserID)
		}
		if err := st.Close(); err != nil {
			return nil, err
		}
		final := m.DBPath(resp.Account.UserID)
		if _, err := os.Stat(final); err == nil {
			// Another name of a user enrolled before: never overwrite their database.
			removeDB(path)
			return nil, fmt.Errorf("session: %s already exists; sign in as %s", final, resp.Account.Username)
		}
		if err := os.Rename(path, final); err != nil {
			return nil, err
		}
		removeDB(path)
	} else {
		st.Close()
	}
	a := Account{UserID: resp.Account.UserID, Username: resp.Account.Username, DisplayName: resp.Account.DisplayName,
		Role: resp.Account.Role, AreaID: resp.Account.AreaID, CommuneID: resp.Account.CommuneID, CommitteeID: resp.Account.CommitteeID, Grants: resp.Account.Grants, ServerURL: serverURL,
		EnrolledAt: known.EnrolledAt, LastLoginAt: now()}
	if a.EnrolledAt == "" {
		a.EnrolledAt = a.LastLoginAt
	}
	if err := seal(&a, password, resp.Token, m.Params); err != nil {
		return nil, err
	}
	accts[a.UserID] = a
	if err := m.save(accts); err != nil {
		return nil, err
	}
	return m.start(a, serverURL, resp.Token)
}

func (m *Manager) start(a Account, serverURL, token string) (*Session, error) {
	st, err := store.Open(m.DBPath(a.UserID))
	if err != nil {
		return nil, err
	}
	st.SetUser(a.UserID)
	st.SetCommittee(a.CommitteeID)
	st.SetNumbersPapers(a.NumbersPapers())
	return &Session{account: a, st: st, client: syncclient.New(st, serverURL, token, m.hc)}, nil
}

func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }

// seal stores a fresh verifier of password and the token sealed with a key derived from it.
func seal(a *Account, password, token string, p passwd.Params) error {
	v, err := passwd.Hash(password, p)
	if err != nil {
		return err
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return err
	}
	gcm, err := aead(password, salt, p)
	if err != nil {
		return err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return err
	}
	sealed := gcm.Seal(nonce, nonce, []byte(token), []byte(a.UserID))
	a.Verifier, a.KeySalt, a.SealedToken = v, base64.StdEncoding.EncodeToString(salt), base64.StdEncoding.EncodeToString(sealed)
	return nil
}

// open recovers the device token of a with password. The key is derived with the costs
// recorded in the verifier, so raising Params later does not lock anyone out.
func open(a Account, password string) (string, error) {
	p, err := passwd.ParamsOf(a.Verifier)
	if err != nil {
		return "", fmt.Errorf("session: damaged account record: %w", err)
	}
	salt, err := base64.StdEncoding.DecodeString(a.KeySalt)
	if err != nil {
		return "", fmt.Errorf("session: damaged account record: %w", err)
	}
	sealed, err := base64.StdEncoding.DecodeString(a.SealedToken)
	if err != nil {
		return "", fmt.Errorf("session: damaged account record: %w", err)
	}
	gcm, err := aead(password, salt, p)
	if err != nil {
		return "", err
	}
	if len(sealed) < gcm.NonceSize() {
		return "", errors.New("session: damaged account record")
	}
	token, err := gcm.Open(nil, sealed[:gcm.NonceSize()], sealed[gcm.NonceSize():], []byte(a.UserID))
	if err != nil {
		return "", ErrWrongPassword
	}
	return string(token), nil
}

func aead(password string, salt []byte, p passwd.Params) (cipher.AEAD, error) {
	block, err := aes.NewCipher(passwd.Key(password, salt, p))
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}
