package httpapi

import (
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"wenming/internal/domain"
	"wenming/internal/files"
)

type fileView = files.File

func (s *Server) uploadFile(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	r.Body = http.MaxBytesReader(w, r.Body, files.MaxSize+1<<20)
	f, h, err := r.FormFile("file")
	if err != nil {
		if _, ok := err.(*http.MaxBytesError); ok {
			return &domain.Error{Code: domain.CodeTooLarge, Field: "file", Message: "文件超过 20 MB"}
		}
		return domain.Invalid("file", "请选择要上传的文件（表单字段 file）")
	}
	defer f.Close()
	saved, err := s.Files.Upload(r.Context(), a, h.Filename, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, saved)
	return nil
}

// downloadFile serves a file; images and PDFs open in the browser, the rest
// download.
func (s *Server) downloadFile(w http.ResponseWriter, r *http.Request, a *domain.Actor) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f, body, err := s.Files.Open(r.Context(), a, id, r.URL.Query().Get("size"))
	if err != nil {
		return err
	}
	return serveFile(w, f, body)
}

// serveFile writes a stored file; images and PDFs open in the browser.
func serveFile(w http.ResponseWriter, f files.File, body io.ReadCloser) error {
	defer body.Close()
	disposition := "attachment"
	if strings.HasPrefix(f.ContentType, "image/") || f.ContentType == "application/pdf" {
		disposition = "inline"
	}
	w.Header().Set("Content-Type", f.ContentType)
	if f.Size >= 0 {
		w.Header().Set("Content-Length", strconv.FormatInt(f.Size, 10))
	}
	w.Header().Set("Content-Disposition", disposition+"; filename=\"download\"; filename*=UTF-8''"+url.PathEscape(f.Name))
	w.Header().Set("Cache-Control", "private, max-age=86400")
	_, err := io.Copy(w, body)
	return err
}
