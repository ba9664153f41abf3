// Says what a damaged or outdated link lost; the rest of the view was kept.
export function LinkNotice({ dropped, onDismiss }: { dropped: readonly string[]; onDismiss: () => void }) {
  if (dropped.length === 0) return null;
  return (
    <div className="notice" role="alert" data-testid="link-notice">
      <p><strong>Parts of this link could not be used and were left out:</strong></p>
      <ul>{dropped.map((d) => <li key={d}>{d}</li>)}</ul>
      <p>The rest of the view is shown.</p>
      <button type="button" className="button-secondary" onClick={onDismiss}>Dismiss</button>
    </div>
  );
}
