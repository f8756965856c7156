import { Component, type ReactNode } from 'react';

/** Catches a screen that failed to draw and says so in plain words instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section className="notice notice-error" role="alert">
        <h2>This screen could not be shown</h2>
        <p>
          Something went wrong while drawing it. <a href="#/worklist">Go back to the worklist</a> or reload
          the page.
        </p>
      </section>
    );
  }
}
