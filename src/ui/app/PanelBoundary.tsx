// An error boundary around each panel: a crash in one panel shows a notice in that panel only.
import { Component, type ReactNode } from 'react';

interface Props {
  /** Already translated texts (the boundary is a class and cannot use hooks). */
  message: string;
  retryLabel: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class PanelBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error) {
    // Kept visible for developers; the user sees the panel's own message.
    console.warn('panel crashed:', error);
  }

  render() {
    if (this.state.error) {
      return (
        <div className="panel-error" role="alert">
          <p>{this.props.message}</p>
          <pre className="panel-error-detail">{String(this.state.error.message)}</pre>
          <button type="button" onClick={() => this.setState({ error: null })}>
            {this.props.retryLabel}
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
