package store

import (
	"container/list"
	"context"
	"database/sql/driver"
	"strings"
	"sync"
)

// The SQLite driver parses and plans every statement it is handed afresh.
// For the short primary-key reads and one-row writes most requests make,
// that costs more than running them: a third of the CPU of a dispatch went
// into the parser. So each SQLite connection keeps its most recent
// statements prepared, as pgx does on PostgreSQL by default.

// stmtCacheSize bounds the prepared statements kept per connection. Queries
// built with a variable number of placeholders come and go through it.
const stmtCacheSize = 256

// cachingConnector wraps the SQLite connector so that every connection it
// opens keeps its statements prepared.
type cachingConnector struct{ base driver.Connector }

func (c cachingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.base.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return newCachingConn(conn), nil
}

func (c cachingConnector) Driver() driver.Driver { return c.base.Driver() }

// sqliteConn is what the SQLite driver's connection offers database/sql.
type sqliteConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.ExecerContext
	driver.QueryerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
}

// preparedStmt is what the SQLite driver's statement offers.
type preparedStmt interface {
	driver.Stmt
	driver.StmtExecContext
	driver.StmtQueryContext
}

type cachingConn struct {
	sqliteConn
	mu       sync.Mutex
	stmts    map[string]*list.Element // of *cachedStmt, most recent at the front
	order    *list.List
	prepares int // statements prepared for the cache, for tests
}

// cachedStmt is one prepared statement. A statement can run only once at a
// time: while its rows are open (a query run again inside the loop over its
// own rows), the connection runs the text unprepared instead.
type cachedStmt struct {
	query   string
	stmt    preparedStmt
	busy    bool
	evicted bool // left the cache while busy: closed when released
}

func newCachingConn(conn driver.Conn) driver.Conn {
	sc, ok := conn.(sqliteConn)
	if !ok {
		return conn
	}
	return &cachingConn{sqliteConn: sc, stmts: map[string]*list.Element{}, order: list.New()}
}

// cacheable tells the single data statements worth keeping from scripts,
// pragmas and maintenance (migrations, VACUUM INTO), which run once.
func cacheable(query string) bool {
	if strings.Contains(query, ";") {
		return false
	}
	head := strings.TrimLeft(query, " \t\r\n")
	if len(head) < 6 {
		return false
	}
	switch strings.ToUpper(head[:6]) {
	case "SELECT", "INSERT", "UPDATE", "DELETE":
		return true
	}
	return strings.EqualFold(head[:4], "WITH")
}

// take returns the statement prepared for query, preparing it if needed, or
// nil when it cannot be used now (not cacheable, or already running).
func (c *cachingConn) take(ctx context.Context, query string) (*cachedStmt, error) {
	if !cacheable(query) {
		return nil, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.stmts[query]; ok {
		s := el.Value.(*cachedStmt)
		if s.busy {
			return nil, nil
		}
		c.order.MoveToFront(el)
		s.busy = true
		return s, nil
	}
	ds, err := c.sqliteConn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.prepares++
	ps, ok := ds.(preparedStmt)
	if !ok {
		ds.Close()
		return nil, nil
	}
	s := &cachedStmt{query: query, stmt: ps, busy: true}
	c.stmts[query] = c.order.PushFront(s)
	if c.order.Len() > stmtCacheSize {
		c.evict(c.order.Back())
	}
	return s, nil
}

func (c *cachingConn) evict(el *list.Element) {
	s := c.order.Remove(el).(*cachedStmt)
	delete(c.stmts, s.query)
	if s.busy {
		s.evicted = true
		return
	}
	s.stmt.Close()
}

func (c *cachingConn) release(s *cachedStmt) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s.busy = false
	if s.evicted {
		s.stmt.Close()
	}
}

func (c *cachingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	s, err := c.take(ctx, query)
	if err != nil {
		return nil, err
	}
	if s == nil {
		return c.sqliteConn.ExecContext(ctx, query, args)
	}
	defer c.release(s)
	return s.stmt.ExecContext(ctx, args)
}

func (c *cachingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	s, err := c.take(ctx, query)
	if err != nil {
		return nil, err
	}
	if s == nil {
		return c.sqliteConn.QueryContext(ctx, query, args)
	}
	rows, err := s.stmt.QueryContext(ctx, args)
	if err != nil {
		c.release(s)
		return nil, err
	}
	return &cachedRows{Rows: rows, release: func() { c.release(s) }}, nil
}

// Close finalizes the kept statements before the connection itself.
func (c *cachingConn) Close() error {
	c.mu.Lock()
	for el := c.order.Front(); el != nil; el = el.Next() {
		el.Value.(*cachedStmt).stmt.Close()
	}
	c.stmts, c.order = map[string]*list.Element{}, list.New()
	c.mu.Unlock()
	return c.sqliteConn.Close()
}

// cachedRows gives the statement back when its rows are closed.
type cachedRows struct {
	driver.Rows
	release func()
}

func (r *cachedRows) Close() error {
	err := r.Rows.Close()
	if r.release != nil {
		r.release()
		r.release = nil
	}
	return err
}
