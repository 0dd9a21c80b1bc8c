import { NavLink } from 'react-router';
import '../../assignments.css';

const linkClass = ({ isActive }: { isActive: boolean }) =>
  isActive ? 'area-nav-link area-nav-link-active' : 'area-nav-link';

/** The questionnaire area's two halves: what was sent (and its answers), and the templates sent. */
export function QuestionnairesNav() {
  return (
    <nav className="area-nav" aria-label="Questionnaires">
      <NavLink to="/questionnaires" end className={linkClass}>
        Sent to suppliers
      </NavLink>
      <NavLink to="/questionnaires/templates" className={linkClass}>
        Templates
      </NavLink>
    </nav>
  );
}
